package dev.sensevoice.frontend;

import java.util.Arrays;

/**
 * Kaldi log-mel filterbank exactly as SenseVoice's runtimes set it (contract §2.1-2.2): 16 kHz,
 * 25 ms / 10 ms frames with snip_edges, DC removal, pre-emphasis 0.97, Hamming window, 512-point
 * power spectrum, 80 mel bins over 20-8000 Hz, natural log floored at FLT_EPSILON, no dither.
 *
 * <p>Immutable and thread-safe: the window, mel weights and FFT tables are built once, and every
 * {@link #compute} call uses its own scratch buffers.
 */
public final class Fbank {
    public static final int SAMPLE_RATE = 16_000;
    public static final int FRAME_LENGTH = 400;
    public static final int FRAME_SHIFT = 160;
    public static final int NUM_MEL_BINS = 80;
    /** The factor that brings [-1, 1] floats to the int16 range, used when normalize_samples=0. */
    public static final float INT16_SCALE = 32768f;

    private static final double PREEMPHASIS = 0.97;
    private static final float FLT_EPSILON = 1.1920929e-07f;

    private final float sampleScale;
    private final double[] window = hammingWindow(FRAME_LENGTH);
    private final MelBanks melBanks = new MelBanks(NUM_MEL_BINS, SAMPLE_RATE, RealFft.SIZE, 20, SAMPLE_RATE / 2);
    private final RealFft fft = new RealFft();

    /** @param sampleScale factor applied to every input sample first (1 or {@link #INT16_SCALE}) */
    public Fbank(float sampleScale) {
        if (!(sampleScale > 0) || Float.isInfinite(sampleScale)) {
            throw new IllegalArgumentException("fbank sample scale (" + sampleScale + ") must be positive");
        }
        this.sampleScale = sampleScale;
    }

    /** The fbank of a model whose metadata says {@code normalize_samples} (false means ×32768). */
    public static Fbank forNormalizeSamples(boolean normalizeSamples) {
        return new Fbank(normalizeSamples ? 1f : INT16_SCALE);
    }

    /** Frames produced for {@code samples} input samples with snip_edges=true. */
    public static int frameCount(int samples) {
        return samples < FRAME_LENGTH ? 0 : 1 + (samples - FRAME_LENGTH) / FRAME_SHIFT;
    }

    public Features compute(float[] samples) {
        return compute(samples, 0, samples.length);
    }

    /** Log-mel frames of {@code samples[offset, offset+length)}, 80 values per frame. */
    public Features compute(float[] samples, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > samples.length) {
            throw new IndexOutOfBoundsException("fbank range " + offset + "+" + length + " of " + samples.length);
        }
        int frames = frameCount(length);
        float[] out = new float[frames * NUM_MEL_BINS];
        double[] frame = new double[RealFft.SIZE];
        float[] power = new float[RealFft.SIZE / 2];
        double[][] scratch = RealFft.newScratch();
        for (int f = 0; f < frames; f++) {
            prepareFrame(samples, offset + f * FRAME_SHIFT, frame);
            fft.powerSpectrum(frame, scratch, power);
            melBanks.logEnergies(power, FLT_EPSILON, out, f * NUM_MEL_BINS);
        }
        return new Features(out, frames, NUM_MEL_BINS);
    }

    /** Scale, remove DC, pre-emphasise and window one frame into {@code frame}, zero-padded. */
    private void prepareFrame(float[] samples, int start, double[] frame) {
        double sum = 0;
        for (int j = 0; j < FRAME_LENGTH; j++) {
            double x = samples[start + j] * sampleScale;
            frame[j] = x;
            sum += x;
        }
        double mean = sum / FRAME_LENGTH;
        for (int j = 0; j < FRAME_LENGTH; j++) {
            frame[j] -= mean;
        }
        // Kaldi runs pre-emphasis from the last sample down and treats x[-1] as x[0].
        for (int j = FRAME_LENGTH - 1; j > 0; j--) {
            frame[j] = (frame[j] - PREEMPHASIS * frame[j - 1]) * window[j];
        }
        frame[0] = (frame[0] - PREEMPHASIS * frame[0]) * window[0];
        Arrays.fill(frame, FRAME_LENGTH, frame.length, 0.0);
    }

    private static double[] hammingWindow(int length) {
        double[] w = new double[length];
        double a = 2 * Math.PI / (length - 1);
        for (int j = 0; j < length; j++) {
            w[j] = 0.54 - 0.46 * Math.cos(a * j);
        }
        return w;
    }
}
