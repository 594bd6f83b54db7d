package dev.sensevoice.vad;

import java.util.Locale;

/** How speech is found in an input ({@code --vad}). */
public enum VadMode {
    /** Silero VAD v5 neural detector (the default). */
    SILERO,
    /** Frame energy above an adaptive noise floor; needs no model. */
    ENERGY,
    /** No detection: the whole input, cut only at the maximum segment length. */
    NONE;

    /** The option value, e.g. {@code silero}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an option value such as {@code energy}; the message lists the accepted values. */
    public static VadMode parse(String value) {
        for (VadMode mode : values()) {
            if (mode.optionValue().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("vad (" + value + ") must be one of silero, energy, none");
    }
}
