package dev.sensevoice.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code snapshots/<key>/manifest.json}: the key's fields, the model file it was made from, the
 * snapshot file's sha256, size and mtime, when it was made and how long the build took.
 */
public record SnapshotManifest(SnapshotKey key, String modelFile, String sha256, long size, long mtimeMs,
                               Instant created, double buildSeconds) {
    public static final String FILE = "manifest.json";
    /** The optimized model inside a snapshot folder. */
    public static final String SNAPSHOT_FILE = "model.onnx";

    private static final ObjectMapper JSON = new ObjectMapper();

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("model_sha256", key.modelSha256());
        root.put("ort_version", key.ortVersion());
        root.put("device", key.device());
        root.put("optimization", key.optimization());
        root.put("model_file", modelFile);
        ObjectNode snapshot = root.putObject("snapshot");
        snapshot.put("file", SNAPSHOT_FILE);
        snapshot.put("sha256", sha256);
        snapshot.put("size", size);
        snapshot.put("mtime_ms", mtimeMs);
        root.put("created", created.toString());
        root.put("build_s", Math.round(buildSeconds * 100) / 100.0);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /**
     * Reads a manifest; anything missing or malformed is an IOException saying what. Read without
     * Jackson: its first use costs 0.3-0.5 s of a fresh JVM, a large part of what a snapshot saves.
     * Every key of this format is unique in the file, so a flat scan of "key": value pairs is exact.
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
            return new SnapshotManifest(key, text(fields, "model_file"), text(fields, "sha256"),
                    Long.parseLong(text(fields, "size")), Long.parseLong(text(fields, "mtime_ms")),
                    Instant.parse(text(fields, "created")), Double.parseDouble(text(fields, "build_s")));
        } catch (RuntimeException e) {
            throw new IOException("malformed manifest: " + e.getMessage(), e);
        }
    }

    /** "key": "string" or "key": number. */
    private static final Pattern PAIR = Pattern.compile(
            "\"(\\w+)\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(-?[0-9][0-9.eE+-]*))");

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
