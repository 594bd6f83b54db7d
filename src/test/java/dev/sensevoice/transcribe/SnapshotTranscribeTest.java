package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensevoice.cache.SnapshotManifest;
import dev.sensevoice.cache.SnapshotStore;
import dev.sensevoice.model.SnapshotSource;
import dev.sensevoice.output.OutputFormat;
import dev.sensevoice.transcribe.TranscriptionRequest.ModelOptions;
import dev.sensevoice.transcribe.TranscriptionRequest.OutputOptions;
import dev.sensevoice.vad.SegmenterConfig;
import dev.sensevoice.vad.VadMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: a damaged snapshot (file or manifest) makes transcribe warn once, rebuild, and write the same transcript. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SnapshotTranscribeTest {
    static final String MODEL = "src/test/resources/models/test-sherpa";

    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();

    private JsonNode transcribe(SnapshotSource snapshots, String outName) throws Exception {
        Path input = dir.resolve("tone.wav");
        if (Files.notExists(input)) {
            Tone.write(input, 2.0);
        }
        TranscriptionRequest request = TranscriptionRequest.defaults(List.of(InputFile.named(input)))
                .withModel(new ModelOptions(Optional.of(MODEL), "cpu", 1))
                .withSegmentation(SegmenterConfig.defaults().withMode(VadMode.NONE))
                .withOutput(new OutputOptions(EnumSet.of(OutputFormat.JSON), Optional.of(dir.resolve(outName)), false));
        try (Stages stages = new SenseVoiceStages(warnings::add, snapshots).open(request)) {
            new BatchTranscriber(stages).run(request, new TranscriptionListener() { });
        }
        return new ObjectMapper().readTree(dir.resolve(outName).resolve("tone.json").toFile());
    }

    private SnapshotStore store(SnapshotStore.Mode mode) {
        return SnapshotStore.open(dir.resolve("cache"), mode, warnings::add);
    }

    private Path snapshotDir() throws IOException {
        try (Stream<Path> dirs = Files.list(dir.resolve("cache/snapshots"))) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void aDamagedSnapshotFileOrManifestIsRebuiltAndTheTranscriptIsTheSame() throws Exception {
        JsonNode plain = transcribe(SnapshotSource.NONE, "plain");
        JsonNode building = transcribe(store(SnapshotStore.Mode.BUILD), "built");
        assertTrue(plain.get("segments").size() > 0);
        assertEquals(plain.get("segments"), building.get("segments"));

        Files.writeString(snapshotDir().resolve(SnapshotManifest.SNAPSHOT_FILE), "!", StandardOpenOption.APPEND);
        JsonNode afterFileDamage = transcribe(store(SnapshotStore.Mode.USE), "file-damaged");
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(plain.get("segments"), afterFileDamage.get("segments"));
        assertEquals(plain.get("model").get("sha256"), afterFileDamage.get("model").get("sha256"));

        Files.writeString(snapshotDir().resolve(SnapshotManifest.FILE), "[]");
        JsonNode afterManifestDamage = transcribe(store(SnapshotStore.Mode.USE), "manifest-damaged");
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(1).contains("manifest"), warnings.get(1));
        assertEquals(plain.get("segments"), afterManifestDamage.get("segments"));

        transcribe(store(SnapshotStore.Mode.USE), "intact-again");
        assertEquals(2, warnings.size(), "the rebuilt snapshot is used without a word: " + warnings);
    }
}
