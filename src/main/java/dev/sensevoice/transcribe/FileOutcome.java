package dev.sensevoice.transcribe;

import dev.sensevoice.metrics.FileStats;

/**
 * How one input ended: a row of --stats. {@code error} is set only when failed; {@code language}
 * and {@code stats} only when ok.
 */
public record FileOutcome(InputFile input, Status status, String error, int segments, String language,
        FileStats stats) {

    public enum Status {
        OK, FAILED, SKIPPED;

        /** The --stats spelling: ok, failed, skipped. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static FileOutcome ok(FileTranscript t) {
        return new FileOutcome(t.input(), Status.OK, null, t.segments().size(), t.language(), t.stats());
    }

    public static FileOutcome failed(InputFile input, String error) {
        return new FileOutcome(input, Status.FAILED, error, 0, null, null);
    }

    public static FileOutcome skipped(InputFile input) {
        return new FileOutcome(input, Status.SKIPPED, null, 0, null, null);
    }
}
