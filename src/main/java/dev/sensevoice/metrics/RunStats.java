package dev.sensevoice.metrics;

/** Totals of one run: counts by status, audio transcribed, wall time and real-time factor. */
public record RunStats(int inputs, int ok, int failed, int skipped, double audioS, long wallMs, Double rtf) {
    public static Double rtf(long wallMs, double audioS) {
        return audioS > 0 ? wallMs / 1000.0 / audioS : null;
    }
}
