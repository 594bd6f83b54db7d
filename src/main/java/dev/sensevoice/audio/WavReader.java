package dev.sensevoice.audio;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the samples of a WAV data chunk. A data chunk shorter than its header claims (a cut
 * download, a recorder that crashed) yields the frames that are there and then ends normally:
 * transcribing what exists is more useful than failing the whole input.
 */
final class WavReader implements FrameReader {
    private final InputStream in;
    private final WavFormat format;
    private final SampleEncoding encoding;
    private long remainingBytes;
    private byte[] bytes = new byte[0];

    /** {@code in} must be positioned at the first data byte; {@code format.encoding()} non-null. */
    WavReader(InputStream in, WavFormat format) {
        this.in = in;
        this.format = format;
        this.encoding = format.encoding();
        this.remainingBytes = format.dataBytes() < 0 ? Long.MAX_VALUE : format.dataBytes();
    }

    @Override
    public int sampleRate() {
        return format.sampleRate();
    }

    @Override
    public int channels() {
        return format.channels();
    }

    @Override
    public int read(float[] interleaved, int maxFrames) throws IOException {
        int frameBytes = format.frameBytes();
        long wanted = Math.min((long) maxFrames * frameBytes, remainingBytes / frameBytes * frameBytes);
        if (wanted == 0) {
            return -1;
        }
        if (bytes.length < wanted) {
            bytes = new byte[(int) wanted];
        }
        int got = in.readNBytes(bytes, 0, (int) wanted);
        int frames = got / frameBytes;
        remainingBytes = frames == 0 ? 0 : remainingBytes - got;
        convert(frames, interleaved);
        return frames == 0 ? -1 : frames;
    }

    private void convert(int frames, float[] interleaved) {
        int channels = format.channels();
        int sampleBytes = format.frameBytes() / channels;
        for (int i = 0; i < frames * channels; i++) {
            interleaved[i] = encoding.decode(bytes, i * sampleBytes);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
