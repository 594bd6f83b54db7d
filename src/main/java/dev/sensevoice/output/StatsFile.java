package dev.sensevoice.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.SequenceWriter;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --stats FILE} table, CSV or JSON by the file's extension, written atomically once at
 * the end of a run. JSON holds {@code {"files": [rows...], "total": {...}}}; the total counts
 * inputs by status and gives the audio seconds of the ok inputs, the run's wall time and its
 * overall real-time factor (wall time over audio; null without audio).
 */
public final class StatsFile {
    static final List<String> COLUMNS = List.of("file", "status", "error", "audio_s", "latency_ms", "rtf",
            "segments", "language", "vram_peak_mb", "rss_peak_mb");

    private final Path file;
    private final boolean json;

    /** @throws SenseVoiceException (usage) unless the name ends in .csv or .json */
    public StatsFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".json")) {
            throw new SenseVoiceException(ExitCode.USAGE,
                    "--stats " + file + ": the name must end in .csv or .json (that picks the format)");
        }
        this.file = file;
        this.json = name.endsWith(".json");
    }

    public Path path() {
        return file;
    }

    /**
     * Writes the table atomically.
     *
     * @param wall the run's wall-clock time, for the JSON total
     * @throws SenseVoiceException (some failed) naming the file when it cannot be written
     */
    public void write(List<StatsRow> rows, Duration wall) {
        try {
            AtomicFile.write(file, out -> {
                if (json) {
                    writeJson(rows, wall, out);
                } else {
                    writeCsv(rows, out);
                }
            });
        } catch (IOException e) {
            throw new SenseVoiceException(ExitCode.SOME_FAILED, "--stats " + file + ": cannot write ("
                    + AtomicFile.reason(e) + "); check that the folder is writable and has free space", e);
        }
    }

    private static void writeCsv(List<StatsRow> rows, OutputStream out) throws IOException {
        try (SequenceWriter table = CsvTable.open(COLUMNS, out)) {
            for (StatsRow row : rows) {
                table.write(CsvTable.cells(row.file(), row.status().label(), row.error(),
                        Decimals.text(row.audioS(), Decimals.SECONDS), row.latencyMs(),
                        Decimals.text(row.rtf(), Decimals.RATIO), row.segments(), row.language(),
                        row.vramPeakMb(), row.rssPeakMb()));
            }
        }
    }

    private static void writeJson(List<StatsRow> rows, Duration wall, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonWriter.FACTORY.createGenerator(out)) {
            DefaultIndenter indent = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
            printer.indentArraysWith(indent);
            printer.indentObjectsWith(indent);
            g.setPrettyPrinter(printer);
            g.writeStartObject();
            g.writeArrayFieldStart("files");
            for (StatsRow row : rows) {
                row(g, row);
            }
            g.writeEndArray();
            total(g, rows, wall);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void row(JsonGenerator g, StatsRow row) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", row.file());
        g.writeStringField("status", row.status().label());
        g.writeStringField("error", row.error());
        JsonWriter.seconds(g, "audio_s", row.audioS());
        nullable(g, "latency_ms", row.latencyMs());
        g.writeNumberField("rtf", Decimals.round(row.rtf(), Decimals.RATIO));
        nullable(g, "segments", row.segments() == null ? null : row.segments().longValue());
        g.writeStringField("language", row.language());
        nullable(g, "vram_peak_mb", row.vramPeakMb());
        nullable(g, "rss_peak_mb", row.rssPeakMb());
        g.writeEndObject();
    }

    private static void total(JsonGenerator g, List<StatsRow> rows, Duration wall) throws IOException {
        double audio = rows.stream().filter(r -> r.status() == StatsRow.Status.OK && r.audioS() != null)
                .mapToDouble(StatsRow::audioS).sum();
        double wallS = wall.toMillis() / 1000.0;
        g.writeObjectFieldStart("total");
        g.writeNumberField("inputs", rows.size());
        for (StatsRow.Status status : StatsRow.Status.values()) {
            g.writeNumberField(status.label(), rows.stream().filter(r -> r.status() == status).count());
        }
        JsonWriter.seconds(g, "audio_s", audio);
        JsonWriter.seconds(g, "wall_s", wallS);
        g.writeNumberField("rtf", Decimals.round(audio > 0 ? wallS / audio : null, Decimals.RATIO));
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.longValue());
        }
    }
}
