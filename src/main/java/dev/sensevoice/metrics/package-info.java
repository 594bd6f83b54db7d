/**
 * Measurements: per-input {@link dev.sensevoice.metrics.FileStats}, run totals
 * ({@link dev.sensevoice.metrics.RunStats}), and memory probes (RSS from /proc, VRAM through
 * nvidia-smi) sampled by {@link dev.sensevoice.metrics.PeakSampler}. A value that cannot be measured
 * is {@code null}, never 0.
 */
package dev.sensevoice.metrics;
