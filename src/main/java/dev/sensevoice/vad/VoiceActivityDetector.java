package dev.sensevoice.vad;

/**
 * Scores one stream's audio frame by frame. An instance holds that stream's state, so each input
 * gets its own; frames must be fed in order. A detector may look ahead: it then hands on each
 * frame's probability a fixed number of frames later ({@link #delayFrames()}), and the rest when
 * the stream ends.
 */
sealed interface VoiceActivityDetector extends AutoCloseable permits SileroVad, EnergyVad {
    /** Samples per frame at 16 kHz: Silero v5's fixed window, also used by the energy detector. */
    int FRAME_SAMPLES = 512;

    /** Receives speech probabilities in [0, 1], one per frame, in frame order. */
    @FunctionalInterface
    interface Probabilities {
        void take(float probability);
    }

    /** How many frames a probability lags behind the frame fed; bounds the look-ahead. */
    int delayFrames();

    /** Takes the next {@code FRAME_SAMPLES} samples; hands on the probability that became known, if any. */
    void accept(float[] frame, Probabilities out);

    /** At the end of the stream: hands on the probabilities still owed. */
    void finish(Probabilities out);

    @Override
    void close();
}
