package dev.sensevoice.bench;

/**
 * The figures of one configuration: medians over its measured runs (wall time also min and max).
 * Times in milliseconds; a figure that cannot be measured here (VRAM without a GPU) is null.
 *
 * @param stageMs        per-stage CPU time summed over the inputs (decode, VAD, features, inference, post)
 * @param sessionRunMs   wall time during which at least one model run was in flight
 * @param overhead       wall time over session-run time: 1.0 = the pipeline costs nothing on top
 * @param throughput     seconds of audio per second of wall time (1 / RTF)
 * @param paddingRatio   share of the frames sent to the model that were padding
 */
public record BenchRow(String device, int threads, int inferenceWorkers, double batchS, String audio,
        double audioS, long modelLoadMs, StageMs stageMs, long sessionRunMs, long wallMs, long wallMinMs,
        long wallMaxMs, double rtf, double throughput, double overhead, Long rssPeakMb, Long vramAvgMb,
        Long vramPeakMb, long segments, long batches, double paddingRatio, int runs) {

    /** Per-stage times, summed over the inputs of a run (each input's share of its batches for inference). */
    public record StageMs(long decode, long vad, long features, long inference, long post) {
    }
}
