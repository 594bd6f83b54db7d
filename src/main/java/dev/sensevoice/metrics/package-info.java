/**
 * Timers, memory probes and the per-file and per-run figures they produce: per-input
 * {@link dev.sensevoice.metrics.FileStats}, run totals ({@link dev.sensevoice.metrics.RunStats}),
 * RSS from /proc and VRAM through nvidia-smi, sampled per input by
 * {@link dev.sensevoice.metrics.PeakSampler} and per run (average and peak) by
 * {@link dev.sensevoice.metrics.UsageTrace}.
 * A value that cannot be measured is {@code null}, never 0.
 */
package dev.sensevoice.metrics;
