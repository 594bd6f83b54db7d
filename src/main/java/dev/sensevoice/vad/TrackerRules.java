package dev.sensevoice.vad;

/** The segmenter's settings in samples at 16 kHz, as the frame-by-frame tracker uses them. */
record TrackerRules(float threshold, float negThreshold, long minSpeech, long minSilence, long pad,
                    long maxSegment) {
    /** Silero: speech stays on until the probability drops 0.15 below the threshold... */
    static final float HYSTERESIS = 0.15f;
    /** ...but not below 0.01 (upstream HEAD; v5.1.2 let a low threshold make speech endless). */
    static final float LOWEST_NEG_THRESHOLD = 0.01f;

    static TrackerRules from(SegmenterConfig config) {
        long maxSegment = Math.round(config.maxSegmentS() * SpeechSegment.SAMPLE_RATE);
        if (config.mode() == VadMode.NONE) {
            // Every frame is speech and nothing is dropped or padded: the input is cut only at the maximum.
            return new TrackerRules(0f, -1f, 0, 0, 0, maxSegment);
        }
        float threshold = (float) config.threshold();
        return new TrackerRules(threshold, Math.max(threshold - HYSTERESIS, LOWEST_NEG_THRESHOLD), samples(config.minSpeechMs()),
                samples(config.minSilenceMs()), samples(config.padMs()), maxSegment);
    }

    private static long samples(int ms) {
        return (long) ms * SpeechSegment.SAMPLE_RATE / 1000;
    }
}
