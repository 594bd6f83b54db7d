/** Timers, memory probes and the per-file and per-run figures they produce ({@link dev.sensevoice.metrics.FileStats}). */
package dev.sensevoice.metrics;
