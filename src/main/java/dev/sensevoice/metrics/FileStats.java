package dev.sensevoice.metrics;

/**
 * What one input cost (design Part 2, JSON "stats"). {@code inferenceMs} is the input's share of each
 * batch by valid frames; {@code rtf} = latency / audio duration ({@code null} for empty audio);
 * peaks are the process's while the input was in flight, {@code null} where not measurable.
 */
public record FileStats(
        double audioS,
        long latencyMs,
        long decodeMs,
        long vadMs,
        long featuresMs,
        long inferenceMs,
        long postMs,
        Double rtf,
        Long rssPeakMb,
        Long vramPeakMb) {
}
