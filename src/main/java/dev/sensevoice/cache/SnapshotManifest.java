package dev.sensevoice.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

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

    /** Reads a manifest; any missing or malformed field is an IOException saying which. */
    public static SnapshotManifest read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException("not valid JSON", e);
        }
        JsonNode snapshot = field(root, "snapshot");
        try {
            SnapshotKey key = new SnapshotKey(text(root, "model_sha256"), text(root, "ort_version"),
                    text(root, "device"), text(root, "optimization"));
            return new SnapshotManifest(key, text(root, "model_file"), text(snapshot, "sha256"),
                    field(snapshot, "size").asLong(), field(snapshot, "mtime_ms").asLong(),
                    Instant.parse(text(root, "created")), field(root, "build_s").asDouble());
        } catch (RuntimeException e) {
            throw new IOException("malformed manifest: " + e.getMessage(), e);
        }
    }

    private static JsonNode field(JsonNode node, String name) throws IOException {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            throw new IOException("manifest has no '" + name + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String name) throws IOException {
        return field(node, name).asText();
    }
}
