package dev.sensevoice.transcribe;

import dev.sensevoice.metrics.RunStats;
import java.util.List;
import java.util.Optional;

/**
 * The result of a run: one outcome per input in input order, run totals, the signal that stopped
 * it (if any) and the fatal error that stopped it (if any; e.g. the model failed mid-run).
 */
public record TranscriptionSummary(List<FileOutcome> files, RunStats run, Optional<Cancellation.Reason> interrupted,
        Optional<String> stoppedBy) {
    public TranscriptionSummary {
        files = List.copyOf(files);
    }

    public long count(FileOutcome.Status status) {
        return files.stream().filter(f -> f.status() == status).count();
    }

    public boolean allDone() {
        return count(FileOutcome.Status.FAILED) == 0 && interrupted.isEmpty() && stoppedBy.isEmpty();
    }
}
