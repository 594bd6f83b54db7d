/** Timers, memory probes and the per-file and per-run figures they produce ({@link FileStats}). */
package dev.sensevoice.metrics;
