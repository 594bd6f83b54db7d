package dev.sensevoice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of a bench run as a markdown table, CSV or JSON. All three share one column list
 * ({@link #COLUMNS}); JSON and CSV keep nulls (null in JSON, empty in CSV), the table shows "-".
 */
public final class BenchTable {
    /** Column keys, in order: the JSON keys and the CSV header. */
    public static final List<String> COLUMNS = List.of("device", "threads", "inference_workers", "batch_s",
            "audio", "audio_s", "model_load_ms", "decode_ms", "vad_ms", "features_ms", "inference_ms", "post_ms",
            "session_run_ms", "wall_ms", "wall_min_ms", "wall_max_ms", "rtf", "throughput", "overhead",
            "rss_peak_mb", "vram_avg_mb", "vram_peak_mb", "segments", "batches", "padding_ratio", "runs");

    private final List<BenchRow> rows;

    public BenchTable(List<BenchRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** One row's values by column key. */
    static Map<String, Object> values(BenchRow r) {
        Object[] v = {r.device(), r.threads(), r.inferenceWorkers(), r.batchS(), r.audio(), round(r.audioS(), 2),
            r.modelLoadMs(), r.stageMs().decode(), r.stageMs().vad(), r.stageMs().features(),
            r.stageMs().inference(), r.stageMs().post(), r.sessionRunMs(), r.wallMs(), r.wallMinMs(),
            r.wallMaxMs(), round(r.rtf(), 4), round(r.throughput(), 2), round(r.overhead(), 3), r.rssPeakMb(),
            r.vramAvgMb(), r.vramPeakMb(), r.segments(), r.batches(), round(r.paddingRatio(), 3), r.runs()};
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            m.put(COLUMNS.get(i), v[i]);
        }
        return m;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
        out.append("|").append("---|".repeat(COLUMNS.size())).append('\n');
        for (BenchRow r : rows) {
            out.append("| ").append(values(r).values().stream().map(v -> v == null ? "-" : String.valueOf(v))
                    .collect(Collectors.joining(" | "))).append(" |\n");
        }
        return out.toString();
    }

    public String csv() {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (BenchRow r : rows) {
            out.append(values(r).values().stream().map(BenchTable::csvField).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return out.toString();
    }

    public String json() {
        List<Map<String, Object>> list = new ArrayList<>();
        rows.forEach(r -> list.add(values(r)));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("rows", list)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("bench rows are plain values", e);
        }
    }

    /** Writes {@code text} to a temporary name beside {@code file}, then renames it. */
    public static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String csvField(Object v) {
        if (v == null) {
            return "";
        }
        String s = String.valueOf(v);
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
