package dev.sensevoice.vad;

/**
 * The most recent samples of one stream, addressed by their position from the stream's start.
 * Its capacity is fixed when made, so a long input cannot make it grow; running out of room is a
 * bug in whoever trims it.
 */
final class SampleRing {
    private final float[] ring;
    private long start;
    private long end;
    private int peakRetained;

    SampleRing(int capacity) {
        ring = new float[capacity];
    }

    void append(float[] samples, int offset, int length) {
        if (end - start + length > ring.length) {
            throw new IllegalStateException("sample ring full: " + (end - start) + " + " + length + " > " + ring.length);
        }
        for (int i = 0; i < length; i++) {
            ring[(int) ((end + i) % ring.length)] = samples[offset + i];
        }
        end += length;
        peakRetained = Math.max(peakRetained, (int) (end - start));
    }

    /** Forgets samples before {@code position} (no-op for a position already forgotten). */
    void discardBefore(long position) {
        start = Math.max(start, Math.min(position, end));
    }

    /** A copy of samples [from, to), which must still be held. */
    float[] copy(long from, long to) {
        if (from < start || to > end || from > to) {
            throw new IllegalStateException("samples [" + from + ", " + to + ") not in [" + start + ", " + end + ")");
        }
        float[] copy = new float[(int) (to - from)];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = ring[(int) ((from + i) % ring.length)];
        }
        return copy;
    }

    /** Position just after the last sample appended: the number of samples seen. */
    long end() {
        return end;
    }

    int capacity() {
        return ring.length;
    }

    /** The most samples ever held at once. */
    int peakRetained() {
        return peakRetained;
    }
}
