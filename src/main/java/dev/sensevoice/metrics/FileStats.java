package dev.sensevoice.metrics;

/**
 * What one input cost (design Part 2, JSON {@code stats}). A figure that could not be measured is
 * {@code null} (written as JSON null), never 0: a 0 would read as "free" in a spreadsheet.
 *
 * @param audioS      seconds of audio in the input
 * @param latencyMs   from the first read of the input to its transcript being assembled
 * @param inferenceMs this input's share of each batch it rode in, by valid frames
 * @param rtf         latency over audio duration
 * @param rssPeakMb   the process's resident-memory peak while the input was in flight
 * @param vramPeakMb  the device-memory peak while the input was in flight; null on CPU
 */
public record FileStats(
        Double audioS,
        Long latencyMs,
        Long decodeMs,
        Long vadMs,
        Long featuresMs,
        Long inferenceMs,
        Long postMs,
        Double rtf,
        Long rssPeakMb,
        Long vramPeakMb) {

    /** Nothing measured: every figure null. */
    public static FileStats unmeasured() {
        return new FileStats(null, null, null, null, null, null, null, null, null, null);
    }

    /** Real-time factor of a latency over an audio duration; null when either is unknown or the audio is empty. */
    public static Double realTimeFactor(Long latencyMs, Double audioS) {
        if (latencyMs == null || audioS == null || audioS <= 0) {
            return null;
        }
        return latencyMs / 1000.0 / audioS;
    }
}
