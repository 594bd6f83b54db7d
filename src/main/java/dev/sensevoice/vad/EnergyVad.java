package dev.sensevoice.vad;

/**
 * Speech as loudness above the background. Each frame's RMS level in dB is compared with a noise
 * floor: the quietest frame within {@value #REACH_SECONDS} s on either side (minimum statistics;
 * a pause between words is enough to find it). Looking ahead as well as back means a file that
 * starts with speech, or with loud background noise, is judged against the quiet parts that
 * follow; it costs a fixed delay of {@value #REACH_SECONDS} s and that much more buffered audio.
 * When the background suddenly gets louder, up to {@value #REACH_SECONDS} s of it can pass as
 * speech before the floor follows.
 *
 * <p>The "probability" is the level above the floor divided by 20 dB, clipped to [0, 1]: with
 * threshold 0.5 speech starts 10 dB above the floor and, with the shared 0.15 hysteresis, ends
 * below 7 dB. The floor is never taken below {@value #SILENCE_DB} dBFS, so digital silence does
 * not make faint hiss look like speech.
 */
final class EnergyVad implements VoiceActivityDetector {
    static final int REACH_SECONDS = 3;
    static final double SILENCE_DB = -60;
    private static final double FULL_SCALE_SNR_DB = 20;
    private static final int REACH = REACH_SECONDS * SpeechSegment.SAMPLE_RATE / FRAME_SAMPLES;

    /** Levels of the last 2 * REACH + 1 frames: the scored frame sits in the middle once the stream is long enough. */
    private final double[] levels = new double[2 * REACH + 1];
    private long fed;
    private long scored;

    @Override
    public int delayFrames() {
        return REACH;
    }

    @Override
    public void accept(float[] frame, Probabilities out) {
        levels[(int) (fed++ % levels.length)] = levelDb(frame);
        if (fed > REACH) {
            out.take(score(scored++));
        }
    }

    @Override
    public void finish(Probabilities out) {
        while (scored < fed) {
            out.take(score(scored++));
        }
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

    private float score(long frame) {
        double db = levels[(int) (frame % levels.length)];
        double snr = db - noiseFloorDb(frame);
        return (float) Math.max(0, Math.min(1, snr / FULL_SCALE_SNR_DB));
    }

    /** The quietest level among the frames within REACH of {@code frame} that are held. */
    private double noiseFloorDb(long frame) {
        long first = Math.max(0, Math.max(frame - REACH, fed - levels.length));
        long last = Math.min(fed - 1, frame + REACH);
        double floor = Double.MAX_VALUE;
        for (long f = first; f <= last; f++) {
            floor = Math.min(floor, levels[(int) (f % levels.length)]);
        }
        return Math.max(floor, SILENCE_DB);
    }
}
