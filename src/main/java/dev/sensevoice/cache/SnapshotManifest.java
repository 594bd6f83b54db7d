package dev.sensevoice.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code snapshots/<key>/manifest.json}: the key's fields, the model file it was made from, the
 * sha256, size and mtime of the snapshot's two files (the graph, and its weights in an external
 * data file that ONNX Runtime maps instead of parsing), when it was made and how long that took.
 */
public record SnapshotManifest(SnapshotKey key, String modelFile, FileStamp graph, FileStamp data,
                               Instant created, double buildSeconds) {
    public static final String FILE = "manifest.json";
    /** The optimized graph inside a snapshot folder. */
    public static final String SNAPSHOT_FILE = "model.onnx";
    /** Its weights, beside it (the graph refers to this name). */
    public static final String DATA_FILE = "model.onnx.data";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file of a snapshot as it was written. */
    public record FileStamp(String name, String sha256, long size, long mtimeMs) {
    }

    public List<FileStamp> files() {
        return List.of(graph, data);
    }

    public long size() {
        return graph.size() + data.size();
    }

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("model_sha256", key.modelSha256());
        root.put("ort_version", key.ortVersion());
        root.put("device", key.device());
        root.put("optimization", key.optimization());
        root.put("model_file", modelFile);
        put(root, "snapshot", graph);
        put(root, "data", data);
        root.put("created", created.toString());
        root.put("build_s", Math.round(buildSeconds * 100) / 100.0);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private static void put(ObjectNode root, String prefix, FileStamp stamp) {
        root.put(prefix + "_file", stamp.name());
        root.put(prefix + "_sha256", stamp.sha256());
        root.put(prefix + "_size", stamp.size());
        root.put(prefix + "_mtime_ms", stamp.mtimeMs());
    }

    /**
     * Reads a manifest; anything missing or malformed is an IOException saying what. Read without
     * Jackson: its first use costs 0.3-0.5 s of a fresh JVM, a large part of what a snapshot saves.
     * The format is flat with unique keys, so a scan of "key": value pairs is exact.
     */
    public static SnapshotManifest read(Path file) throws IOException {
        Map<String, String> fields = new HashMap<>();
        Matcher m = PAIR.matcher(Files.readString(file));
        while (m.find()) {
            fields.put(m.group(1), m.group(2) != null ? unescape(m.group(2)) : m.group(3));
        }
        try {
            SnapshotKey key = new SnapshotKey(text(fields, "model_sha256"), text(fields, "ort_version"),
                    text(fields, "device"), text(fields, "optimization"));
            return new SnapshotManifest(key, text(fields, "model_file"), stamp(fields, "snapshot"),
                    stamp(fields, "data"), Instant.parse(text(fields, "created")),
                    Double.parseDouble(text(fields, "build_s")));
        } catch (RuntimeException e) {
            throw new IOException("malformed manifest: " + e.getMessage(), e);
        }
    }

    /** "key": "string" or "key": number. */
    private static final Pattern PAIR = Pattern.compile(
            "\"(\\w+)\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(-?[0-9][0-9.eE+-]*))");

    private static FileStamp stamp(Map<String, String> fields, String prefix) throws IOException {
        return new FileStamp(text(fields, prefix + "_file"), text(fields, prefix + "_sha256"),
                Long.parseLong(text(fields, prefix + "_size")), Long.parseLong(text(fields, prefix + "_mtime_ms")));
    }

    private static String unescape(String s) {
        return s.replaceAll("\\\\(.)", "$1");
    }

    private static String text(Map<String, String> fields, String name) throws IOException {
        String value = fields.get(name);
        if (value == null) {
            throw new IOException("manifest has no '" + name + "'");
        }
        return value;
    }
}
