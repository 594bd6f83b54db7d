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

    /** Reads everything that is left; for short inputs only (inspection, tests), never the pipeline. */
    default float[] readRemaining() throws IOException {
        float[] all = new float[SAMPLE_RATE];
        int size = 0;
        int n;
        while ((n = read(all, size, all.length - size)) >= 0) {
            size += n;
            if (size == all.length) {
                all = java.util.Arrays.copyOf(all, all.length * 2);
            }
        }
        return java.util.Arrays.copyOf(all, size);
    }

    @Override
    void close() throws IOException;
}
