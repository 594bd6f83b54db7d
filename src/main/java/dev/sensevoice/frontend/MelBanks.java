package dev.sensevoice.frontend;

import java.util.Arrays;

/**
 * Kaldi's triangular mel filters (contract §2.2 step 5), stored sparsely as each filter's first
 * FFT bin and its run of non-zero weights. Weights are computed in float as Kaldi does.
 */
final class MelBanks {
    private final int[] firstBin;
    private final float[][] weights;

    MelBanks(int numBins, int sampleRate, int fftSize, float lowFreq, float highFreq) {
        int fftBins = fftSize / 2;
        float binWidth = (float) sampleRate / fftSize;
        float melLow = mel(lowFreq);
        float melDelta = (mel(highFreq) - melLow) / (numBins + 1);
        firstBin = new int[numBins];
        weights = new float[numBins][];
        for (int b = 0; b < numBins; b++) {
            float left = melLow + b * melDelta;
            float center = melLow + (b + 1) * melDelta;
            float right = melLow + (b + 2) * melDelta;
            float[] full = new float[fftBins];
            for (int k = 0; k < fftBins; k++) {
                full[k] = weight(mel(binWidth * k), left, center, right);
            }
            keepNonZero(b, full);
        }
    }

    static float mel(float freq) {
        return 1127.0f * (float) Math.log(1.0f + freq / 700.0f);
    }

    private static float weight(float m, float left, float center, float right) {
        if (m <= left || m >= right) {
            return 0f;
        }
        return m <= center ? (m - left) / (center - left) : (right - m) / (right - center);
    }

    private void keepNonZero(int bin, float[] full) {
        int first = 0;
        while (first < full.length && full[first] == 0f) {
            first++;
        }
        int last = full.length - 1;
        while (last >= first && full[last] == 0f) {
            last--;
        }
        firstBin[bin] = first;
        weights[bin] = Arrays.copyOfRange(full, first, last + 1);
    }

    /** {@code out[offset + b] = ln(max(Σ w·power, floor))} for every filter b. */
    void logEnergies(float[] power, float floor, float[] out, int offset) {
        for (int b = 0; b < weights.length; b++) {
            float[] w = weights[b];
            int first = firstBin[b];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * power[first + i];
            }
            out[offset + b] = (float) Math.log(Math.max((float) sum, floor));
        }
    }
}
