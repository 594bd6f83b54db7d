package dev.sensevoice.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers are written: seconds to the millisecond, ratios to 4 places, no trailing zeros ("30", "0.9"). */
final class Decimals {
    static final int SECONDS = 3;
    static final int RATIO = 4;

    private Decimals() {
    }

    /** The value rounded half-up; null for null, NaN or infinity (nothing true to write). */
    static BigDecimal round(Double value, int places) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
    }

    /** The rounded value as plain text, or "" for nothing (a CSV cell). */
    static String text(Double value, int places) {
        BigDecimal rounded = round(value, places);
        return rounded == null ? "" : rounded.toPlainString();
    }
}
