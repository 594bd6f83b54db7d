package dev.sensevoice.vad;

import java.util.Objects;

/**
 * Validated settings of the speech segmenter. Durations keep the unit in their name.
 *
 * <p>Defaults differ from Silero's {@code get_speech_timestamps} (min silence 100 ms, pad 30 ms)
 * on purpose: for batch transcription a pause shorter than half a second rarely ends a thought,
 * and 200 ms of padding keeps word onsets and endings that the detector scores low.
 *
 * @param mode         which detector finds speech
 * @param threshold    a frame is speech at or above this probability; it stays speech until the
 *                     probability falls below {@code max(threshold - 0.15, 0.01)} (energy mode: probability
 *                     = dB above the noise floor / 20)
 * @param minSpeechMs  speech shorter than this is dropped
 * @param minSilenceMs a pause must last this long to end a segment
 * @param padMs        added before and after each segment, never across a neighbour
 * @param maxSegmentS  no segment is longer than this (1-600 s)
 * @param mergeS       neighbouring segments are joined while their span stays below this; 0 = off
 */
public record SegmenterConfig(VadMode mode, double threshold, int minSpeechMs, int minSilenceMs,
                              int padMs, double maxSegmentS, double mergeS) {
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_MIN_SPEECH_MS = 250;
    public static final int DEFAULT_MIN_SILENCE_MS = 500;
    public static final int DEFAULT_PAD_MS = 200;
    public static final double DEFAULT_MAX_SEGMENT_S = 30;
    public static final double DEFAULT_MERGE_S = 15;
    private static final int MAX_DURATION_MS = 10_000;

    public SegmenterConfig {
        Objects.requireNonNull(mode, "vad mode");
        require(threshold > 0 && threshold < 1, "vad-threshold (" + show(threshold) + ") must be between 0 and 1");
        requireMs("min-speech-ms", minSpeechMs);
        requireMs("min-silence-ms", minSilenceMs);
        requireMs("speech-pad-ms", padMs);
        require(maxSegmentS >= 1 && maxSegmentS <= 600,
                "max-segment-s (" + show(maxSegmentS) + ") must be between 1 and 600");
        require(mergeS >= 0 && mergeS <= 3600, "merge-s (" + show(mergeS) + ") must be between 0 (off) and 3600");
        require(padMs * 4.0 <= maxSegmentS * 1000,
                "speech-pad-ms (" + padMs + ") must be at most a quarter of max-segment-s (" + show(maxSegmentS) + ")");
    }

    /** The defaults of {@code sensevoice transcribe}: Silero, 0.5, 250 ms, 500 ms, 200 ms, 30 s, 15 s. */
    public static SegmenterConfig defaults() {
        return new SegmenterConfig(VadMode.SILERO, DEFAULT_THRESHOLD, DEFAULT_MIN_SPEECH_MS,
                DEFAULT_MIN_SILENCE_MS, DEFAULT_PAD_MS, DEFAULT_MAX_SEGMENT_S, DEFAULT_MERGE_S);
    }

    public SegmenterConfig withMode(VadMode newMode) {
        return new SegmenterConfig(newMode, threshold, minSpeechMs, minSilenceMs, padMs, maxSegmentS, mergeS);
    }

    public SegmenterConfig withMaxSegmentS(double newMaxSegmentS) {
        return new SegmenterConfig(mode, threshold, minSpeechMs, minSilenceMs, padMs, newMaxSegmentS, mergeS);
    }

    public SegmenterConfig withMergeS(double newMergeS) {
        return new SegmenterConfig(mode, threshold, minSpeechMs, minSilenceMs, padMs, maxSegmentS, newMergeS);
    }

    private static void requireMs(String name, int value) {
        require(value >= 0 && value <= MAX_DURATION_MS,
                name + " (" + value + ") must be between 0 and " + MAX_DURATION_MS);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** 30.0 reads as "30" in messages, NaN as "NaN". */
    private static String show(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
