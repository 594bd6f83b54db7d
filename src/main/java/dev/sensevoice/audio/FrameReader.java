package dev.sensevoice.audio;

import java.io.IOException;

/** Decoded audio at its native rate and channel count, read as interleaved float frames. */
interface FrameReader extends AutoCloseable {

    int sampleRate();

    int channels();

    /**
     * Reads up to {@code maxFrames} frames into {@code interleaved} (channel-interleaved, values
     * in [-1, 1]); returns how many frames, or -1 at the end.
     */
    int read(float[] interleaved, int maxFrames) throws IOException;

    @Override
    void close() throws IOException;
}
