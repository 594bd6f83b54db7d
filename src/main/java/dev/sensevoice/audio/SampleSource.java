package dev.sensevoice.audio;

import java.io.IOException;

/**
 * A stream of one input's audio as 16 kHz mono floats in [-1, 1], read block by block so that a
 * long recording never sits whole in memory.
 */
public interface SampleSource extends AutoCloseable {
    int SAMPLE_RATE = 16_000;

    /** Reads up to {@code len} samples; returns how many, or -1 at the end. */
    int read(float[] buffer, int offset, int length) throws IOException;

    @Override
    void close() throws IOException;
}
