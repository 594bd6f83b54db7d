package dev.sensevoice.vad;

import java.util.function.Consumer;

/**
 * Turns per-frame speech probabilities into padded speech segments and hands each one on as soon
 * as it is closed. The rules are Silero's {@code get_speech_timestamps} (v5.1.2), made streaming:
 * <ul>
 *   <li>a frame at or above the threshold opens a segment at its start;</li>
 *   <li>a segment ends at the first frame below {@code threshold - 0.15} once the pause has lasted
 *       {@code minSilence}; speech no longer than {@code minSpeech} is dropped;</li>
 *   <li>padding is added on both sides, but never more than half the pause seen when closing
 *       and never back over the previous segment (upstream pads after the fact with half the gap);</li>
 *   <li>a segment that would exceed {@code maxSegment} (padding included) is split at its
 *       quietest frame in the second half (upstream cuts at the last 98 ms pause, else blindly).</li>
 * </ul>
 * Only the open segment's probabilities are kept, so memory does not grow with the input.
 */
final class SpeechTracker {
    private static final int FRAME = VoiceActivityDetector.FRAME_SAMPLES;

    private final TrackerRules rules;
    private final Consumer<SpeechSegment> out;
    private final ScoreHistory history;
    private boolean triggered;
    private long start;
    private long paddedStart;
    private long tempEnd = -1;
    private long lastEnd;

    SpeechTracker(TrackerRules rules, Consumer<SpeechSegment> out) {
        this.rules = rules;
        this.out = out;
        this.history = new ScoreHistory(rules.maxSegment());
    }

    /** Takes the probability of the frame starting at sample {@code cur} (a multiple of 512). */
    void accept(long cur, float probability) {
        if (probability >= rules.threshold() && tempEnd >= 0) {
            tempEnd = -1;
        }
        if (!triggered) {
            if (probability >= rules.threshold()) {
                open(cur);
                history.add(cur / FRAME, probability);
            }
            return;
        }
        if (cur + FRAME + rules.pad() - paddedStart > rules.maxSegment()) {
            splitOrClose(cur);
            if (!triggered) {
                return;
            }
        }
        history.add(cur / FRAME, probability);
        if (probability < rules.negThreshold()) {
            tempEnd = tempEnd < 0 ? cur : tempEnd;
            if (cur - tempEnd >= rules.minSilence()) {
                close(cur);
            }
        }
    }

    /** Ends the stream of {@code total} samples, closing an open segment at the end (or its pause). */
    void finish(long total) {
        if (!triggered) {
            return;
        }
        long end = tempEnd >= 0 ? Math.min(total, tempEnd + rules.pad()) : total;
        long speechEnd = tempEnd >= 0 ? tempEnd : total;
        emitIfLongEnough(speechEnd, end);
        reset();
    }

    /** The first sample a future segment may still need, given that samples up to {@code position} were seen. */
    long earliestNeeded(long position) {
        long lookback = Math.max(lastEnd, position - rules.pad());
        return triggered ? Math.min(paddedStart, lookback) : lookback;
    }

    int historySize() {
        return history.size();
    }

    private void open(long cur) {
        triggered = true;
        start = cur;
        paddedStart = Math.max(lastEnd, cur - rules.pad());
    }

    /** At the maximum length: end at a pause already under way, otherwise split at the quietest frame. */
    private void splitOrClose(long cur) {
        if (tempEnd >= 0) {
            close(cur);
            return;
        }
        long fromFrame = (paddedStart + rules.maxSegment() / 2 + FRAME - 1) / FRAME;
        long cut = history.quietestFrame(fromFrame, cur / FRAME - 1) * FRAME + FRAME / 2;
        cut = Math.min(cut, cur);
        out.accept(new SpeechSegment(paddedStart, cut));
        lastEnd = cut;
        start = cut;
        paddedStart = cut;
        history.dropBefore(cut / FRAME + 1);
    }

    private void close(long cur) {
        long end = tempEnd + Math.min(rules.pad(), (cur - tempEnd) / 2);
        emitIfLongEnough(tempEnd, end);
        reset();
    }

    private void emitIfLongEnough(long speechEnd, long paddedEnd) {
        if (speechEnd - start > rules.minSpeech()) {
            out.accept(new SpeechSegment(paddedStart, paddedEnd));
            lastEnd = paddedEnd;
        }
    }

    private void reset() {
        triggered = false;
        tempEnd = -1;
        history.clear();
    }
}
