package dev.sensevoice.vad;

/**
 * Speech as loudness above the background: each frame's RMS level in dB is compared with a noise
 * floor, the quietest frame of the last five seconds (minimum statistics, so the floor follows a
 * changing background and a pause between words is enough to find it). The "probability" is the
 * level above the floor divided by 20 dB, clipped to [0, 1]: with threshold 0.5 speech starts
 * 10 dB above the floor and, with the shared 0.15 hysteresis, ends below 7 dB.
 *
 * <p>Until five seconds have been heard the floor is at most {@value #PRIOR_FLOOR_DB} dBFS, so a
 * file that starts with speech is not taken as its own background. Frames below
 * {@value #SILENCE_DB} dBFS are never speech, and the floor is never taken lower than that, so
 * digital silence does not make faint hiss look like speech.
 */
final class EnergyVad implements VoiceActivityDetector {
    static final double PRIOR_FLOOR_DB = -50;
    static final double SILENCE_DB = -60;
    private static final double FULL_SCALE_SNR_DB = 20;
    private static final int WINDOW_FRAMES = 5 * SpeechSegment.SAMPLE_RATE / FRAME_SAMPLES;

    private final double[] recentDb = new double[WINDOW_FRAMES];
    private long frames;

    @Override
    public float speechProbability(float[] frame) {
        double db = levelDb(frame);
        recentDb[(int) (frames++ % WINDOW_FRAMES)] = db;
        if (db < SILENCE_DB) {
            return 0f;
        }
        double snr = db - noiseFloorDb();
        return (float) Math.max(0, Math.min(1, snr / FULL_SCALE_SNR_DB));
    }

    @Override
    public void close() {
        // Nothing native to release.
    }

    static double levelDb(float[] frame) {
        double sum = 0;
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            sum += (double) frame[i] * frame[i];
        }
        return 10 * Math.log10(sum / FRAME_SAMPLES + 1e-12);
    }

    private double noiseFloorDb() {
        int filled = (int) Math.min(frames, WINDOW_FRAMES);
        double floor = frames < WINDOW_FRAMES ? PRIOR_FLOOR_DB : Double.MAX_VALUE;
        for (int i = 0; i < filled; i++) {
            floor = Math.min(floor, recentDb[i]);
        }
        return Math.max(floor, SILENCE_DB);
    }
}
