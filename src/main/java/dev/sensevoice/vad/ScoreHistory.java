package dev.sensevoice.vad;

/**
 * The speech probabilities of the open segment's frames, kept only to choose where to split a
 * segment that reaches the maximum length. Fixed capacity: a segment never spans more frames.
 */
final class ScoreHistory {
    private final float[] scores;
    private long firstFrame;
    private int size;

    ScoreHistory(long maxSegmentSamples) {
        scores = new float[(int) (maxSegmentSamples / VoiceActivityDetector.FRAME_SAMPLES) + 4];
    }

    void add(long frame, float probability) {
        if (size == 0) {
            firstFrame = frame;
        } else if (frame != firstFrame + size) {
            throw new IllegalStateException("frame " + frame + " after " + (firstFrame + size - 1));
        }
        if (size == scores.length) {
            throw new IllegalStateException("more than " + size + " frames in one segment");
        }
        scores[(int) (frame % scores.length)] = probability;
        size++;
    }

    /** The frame in [from, to] with the lowest probability; the latest one among equals. */
    long quietestFrame(long from, long to) {
        long first = Math.max(from, firstFrame);
        long last = Math.min(to, firstFrame + size - 1);
        long best = last;
        for (long frame = last; frame >= first; frame--) {
            if (at(frame) < at(best)) {
                best = frame;
            }
        }
        return best;
    }

    /** Forgets frames before {@code frame}. */
    void dropBefore(long frame) {
        long drop = Math.min(size, Math.max(0, frame - firstFrame));
        firstFrame += drop;
        size -= (int) drop;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    private float at(long frame) {
        return scores[(int) (frame % scores.length)];
    }
}
