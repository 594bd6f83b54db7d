package dev.sensevoice.vad;

/**
 * Scores one stream's audio frame by frame. An instance holds that stream's state, so each input
 * gets its own; the frames must be fed in order.
 */
sealed interface VoiceActivityDetector extends AutoCloseable permits SileroVad, EnergyVad {
    /** Samples per frame at 16 kHz: Silero v5's fixed window, also used by the energy detector. */
    int FRAME_SAMPLES = 512;

    /** Speech probability in [0, 1] of the next {@code FRAME_SAMPLES} samples. */
    float speechProbability(float[] frame);

    @Override
    void close();
}
