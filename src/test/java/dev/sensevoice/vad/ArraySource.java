package dev.sensevoice.vad;

import dev.sensevoice.audio.SampleSource;

/** Test source over an array, handing out at most {@code block} samples per read. */
final class ArraySource implements SampleSource {
    private final float[] samples;
    private final int block;
    private int position;

    ArraySource(float[] samples, int block) {
        this.samples = samples;
        this.block = block;
    }

    @Override
    public int read(float[] buffer, int offset, int length) {
        if (position == samples.length) {
            return -1;
        }
        int n = Math.min(Math.min(length, block), samples.length - position);
        System.arraycopy(samples, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
    }
}
