package dev.sensevoice.frontend;

/**
 * Low frame rate stacking with FunASR's padding (contract §2.3): output frame i concatenates the
 * m input frames centred on {@code n·i}, earliest first, with indices clamped to the first and
 * last frame; there are ceil(N/n) outputs. Immutable and thread-safe.
 *
 * @param m frames stacked per output (SenseVoice: 7)
 * @param n hop between outputs, in input frames (SenseVoice: 6)
 */
public record Lfr(int m, int n) {
    public static final Lfr SENSE_VOICE = new Lfr(7, 6);

    public Lfr {
        if (m <= 0 || n <= 0) {
            throw new IllegalArgumentException("lfr window (" + m + ") and shift (" + n + ") must be positive");
        }
    }

    /** Output frames for {@code inputFrames} input frames: ceil(N/n). */
    public int outputFrames(int inputFrames) {
        return (inputFrames + n - 1) / n;
    }

    public Features apply(Features input) {
        int frames = input.frames();
        int dim = input.dim();
        int outFrames = outputFrames(frames);
        float[] in = input.values();
        float[] out = new float[outFrames * m * dim];
        int left = (m - 1) / 2;
        int pos = 0;
        for (int i = 0; i < outFrames; i++) {
            for (int j = 0; j < m; j++) {
                int src = Math.min(Math.max(i * n - left + j, 0), frames - 1);
                System.arraycopy(in, src * dim, out, pos, dim);
                pos += dim;
            }
        }
        return new Features(out, outFrames, m * dim);
    }
}
