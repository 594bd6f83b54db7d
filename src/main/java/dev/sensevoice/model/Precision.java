package dev.sensevoice.model;

import java.util.Locale;

/** Which of a model's files to run: the fp32 one, the int8 one, or the device's natural choice. */
public enum Precision {
    /** int8 on CPU when the directory has it, fp32 on CUDA (int8 there runs on CPU kernels). */
    AUTO,
    FP32,
    INT8;

    /** Parses {@code auto|fp32|int8}; anything else is a one-line IllegalArgumentException. */
    public static Precision parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("precision '" + text + "' is not auto, fp32 or int8");
        }
    }
}
