package dev.sensevoice.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotManifestTest {
    @TempDir
    Path dir;

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        SnapshotKey key = new SnapshotKey("ab".repeat(32), "1.23.2", "cuda:1", "extended");
        SnapshotManifest written = new SnapshotManifest(key, "/models/odd \"name\" \\ dir/model.onnx",
                new SnapshotManifest.FileStamp("model.onnx", "cd".repeat(32), 757_809L, 1_795_319_656_985L),
                new SnapshotManifest.FileStamp("model.onnx.data", "ef".repeat(32), 936_003_584L, 1_795_319_656_981L),
                Instant.parse("2026-11-22T03:54:17.422Z"), 12.5);
        Path file = dir.resolve("manifest.json");
        written.write(file);

        assertEquals(written, SnapshotManifest.read(file));
    }

    @Test
    void aMissingFieldOrAnotherDocumentIsAnError() throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, "[]");
        IOException e = assertThrows(IOException.class, () -> SnapshotManifest.read(file));
        assertTrue(e.getMessage().contains("model_sha256"), e.getMessage());
        Files.writeString(file, "{\"model_sha256\": \"xyz\", \"ort_version\": \"1\", \"device\": \"cpu\","
                + " \"optimization\": \"extended\", \"model_file\": \"m\", \"snapshot_file\": \"model.onnx\","
                + " \"snapshot_sha256\": \"s\", \"snapshot_size\": 1, \"snapshot_mtime_ms\": 2, \"data_file\": \"d\","
                + " \"data_sha256\": \"s\", \"data_size\": 1, \"data_mtime_ms\": 2, \"created\": \"2026-11-22T00:00:00Z\", \"build_s\": 1.0}");
        assertThrows(IOException.class, () -> SnapshotManifest.read(file)); // the sha256 is not 64 hex digits
    }
}
