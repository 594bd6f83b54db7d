package dev.sensevoice.transcribe;

import dev.sensevoice.metrics.MemoryProbe;
import dev.sensevoice.metrics.PeakSampler;

/**
 * The plain Java API under the CLI: runs a {@link TranscriptionRequest} through the stages and
 * returns a {@link TranscriptionSummary}. Reports progress only through its listener; never prints.
 *
 * <pre>
 * inputs → decode + segmentation pool → feature pool → batcher → inference worker(s)
 *        → post pool → assembler (per input, segments in order) → sink
 * </pre>
 *
 * Failure policy: an input's failure (unreadable audio, a bad segment, an output that cannot be
 * written) is recorded in its outcome and the others go on; an inference failure stops the run.
 */
public final class BatchTranscriber {
    private final Stages stages;
    private final MemoryProbe rss;
    private final MemoryProbe vram;

    /** {@code rss} and {@code vram} are sampled while each input is in flight (see {@code metrics}). */
    public BatchTranscriber(Stages stages, MemoryProbe rss, MemoryProbe vram) {
        this.stages = stages;
        this.rss = rss;
        this.vram = vram;
    }

    public BatchTranscriber(Stages stages) {
        this(stages, MemoryProbe.NONE, MemoryProbe.NONE);
    }

    /** Runs every input; returns when all are done, or the run was stopped. */
    public TranscriptionSummary run(TranscriptionRequest request, TranscriptionListener listener,
            Cancellation cancellation) throws InterruptedException {
        try (PeakSampler sampler = new PeakSampler(rss, vram, 500)) {
            return new TranscriptionRun(request, stages, listener, sampler).run(cancellation);
        }
    }

    public TranscriptionSummary run(TranscriptionRequest request, TranscriptionListener listener)
            throws InterruptedException {
        return run(request, listener, new Cancellation());
    }
}
