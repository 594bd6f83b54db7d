/**
 * {@code sensevoice bench}: a grid of configurations (audio length, --batch-s, device, threads,
 * inference workers) run through the real pipeline, with model load, per-stage times, model-run
 * time, padding, RTF, throughput and memory per configuration ({@link dev.sensevoice.bench.BenchRunner},
 * {@link dev.sensevoice.bench.BenchTable}).
 */
package dev.sensevoice.bench;
