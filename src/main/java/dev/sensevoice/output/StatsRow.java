package dev.sensevoice.output;

import java.util.Locale;
import java.util.Objects;

/**
 * One input's line in the {@code --stats} table (design Part 2). Unknown figures are null.
 *
 * @param file  the input as shown ({@code InputFile.shownAs})
 * @param error the one-line reason of a failure; null otherwise
 */
public record StatsRow(
        String file,
        Status status,
        String error,
        Double audioS,
        Long latencyMs,
        Double rtf,
        Integer segments,
        String language,
        Long vramPeakMb,
        Long rssPeakMb) {

    public enum Status {
        OK, FAILED, SKIPPED;

        /** As written in the table: "ok", "failed", "skipped". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StatsRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
    }

    /** A transcribed input (a silent one too: ok with no segments). */
    public static StatsRow ok(Transcript t) {
        return new StatsRow(t.file(), Status.OK, null, t.stats().audioS() != null ? t.stats().audioS() : t.durationS(),
                t.stats().latencyMs(), t.stats().rtf(), t.segments().size(), t.language(),
                t.stats().vramPeakMb(), t.stats().rssPeakMb());
    }

    public static StatsRow failed(String file, String error) {
        return new StatsRow(file, Status.FAILED, error, null, null, null, null, null, null, null);
    }

    /** Left alone by {@code --skip-existing}. */
    public static StatsRow skipped(String file) {
        return new StatsRow(file, Status.SKIPPED, null, null, null, null, null, null, null, null);
    }
}
