package dev.sensevoice.frontend;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;

/**
 * Cepstral mean and variance normalisation applied after LFR (contract §2.5):
 * {@code y[d] = (x[d] + negMean[d]) * invStddev[d]}, add first, then multiply.
 */
public record Cmvn(float[] negMean, float[] invStddev) {
    public Cmvn {
        if (negMean.length != invStddev.length || negMean.length == 0) {
            throw new IllegalArgumentException("cmvn: " + negMean.length + " means, "
                    + invStddev.length + " scales");
        }
    }

    public int dim() {
        return negMean.length;
    }

    /** Normalises every frame of {@code features} in place and returns it. */
    public Features applyInPlace(Features features) {
        if (features.dim() != dim()) {
            throw new IllegalArgumentException("cmvn of dimension " + dim() + " applied to "
                    + features.dim() + "-dimensional features");
        }
        float[] v = features.values();
        int dim = dim();
        for (int base = 0; base < v.length; base += dim) {
            for (int d = 0; d < dim; d++) {
                v[base + d] = (v[base + d] + negMean[d]) * invStddev[d];
            }
        }
        return features;
    }

    /**
     * The CMVN stored in sherpa-onnx model metadata: {@code neg_mean} and {@code inv_stddev},
     * each a comma-separated list of floats (contract §1.1).
     *
     * @param source the file the strings came from, named in errors
     */
    public static Cmvn fromMetadata(String negMean, String invStddev, String source) {
        float[] shift = parseList(negMean, "neg_mean", source);
        float[] scale = parseList(invStddev, "inv_stddev", source);
        if (shift.length != scale.length) {
            throw invalid(source, "metadata neg_mean has " + shift.length + " values but inv_stddev has "
                    + scale.length);
        }
        return new Cmvn(shift, scale);
    }

    private static float[] parseList(String list, String key, String source) {
        if (list == null || list.isBlank()) {
            throw invalid(source, "metadata key " + key + " is missing or empty");
        }
        String[] parts = list.split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Float.parseFloat(parts[i].trim());
            } catch (NumberFormatException e) {
                throw invalid(source, "metadata " + key + " value " + (i + 1) + " ('" + parts[i].trim()
                        + "') is not a number");
            }
        }
        return values;
    }

    static SenseVoiceException invalid(String source, String what) {
        return new SenseVoiceException(ExitCode.MODEL_START,
                source + ": " + what + "; re-export or re-download the model");
    }
}
