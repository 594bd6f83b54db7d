package dev.sensevoice.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folder a model name means, offline; the cache root; the repository's manifests. */
class ModelStoreTest {
    @TempDir
    Path dir;
    private Path repo;
    private ModelStore store;

    @BeforeEach
    void setUp() throws IOException {
        repo = dir.resolve("repo-models");
        TestModelFiles.manifest(repo, ModelStore.DEFAULT_MODEL, "http://127.0.0.1:9/none.tar.bz2", null);
        Files.createDirectories(repo.resolve(ModelStore.DEMO_MODEL));
        store = new ModelStore(dir.resolve("cache"), new ModelManifests(repo), DownloadSettings.defaults());
    }

    @Test
    void cacheRootFollowsTheEnvironment() {
        assertEquals(Path.of("/c"), ModelStore.cacheRoot(Map.of("SENSEVOICE_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/x")));
        assertEquals(Path.of("/x/sensevoice"), ModelStore.cacheRoot(Map.of("XDG_CACHE_HOME", "/x")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "sensevoice"), ModelStore.cacheRoot(Map.of()));
    }

    @Test
    void withoutAModelTheDefaultFallsBackToTheDemoWithANotice() {
        ModelStore.Located located = store.locate(Optional.empty());

        assertEquals(repo.resolve(ModelStore.DEMO_MODEL), located.dir());
        assertEquals(Optional.of("sensevoice-small is not installed (sensevoice model download sensevoice-small); "
                + "using the bundled digits-only demo model"), located.notice());
    }

    @Test
    void anInstalledDefaultIsTakenSilently() throws IOException {
        Path installed = Files.createDirectories(dir.resolve("cache/models/sensevoice-small"));

        ModelStore.Located located = store.locate(Optional.empty());

        assertEquals(installed, located.dir());
        assertEquals(ModelStore.Origin.INSTALLED, located.origin());
        assertTrue(located.notice().isEmpty());
    }

    @Test
    void aFolderWinsThenTheCacheThenTheBundledModels() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("my-model"));
        assertEquals(new ModelStore.Located("my-model", folder, ModelStore.Origin.FOLDER, Optional.empty()),
                store.locate(Optional.of(folder.toString())));
        assertEquals(ModelStore.Origin.BUNDLED, store.locate(Optional.of(ModelStore.DEMO_MODEL)).origin());
        Files.createDirectories(dir.resolve("cache/models").resolve(ModelStore.DEMO_MODEL));
        assertEquals(ModelStore.Origin.INSTALLED, store.locate(Optional.of(ModelStore.DEMO_MODEL)).origin());
    }

    @Test
    void aKnownModelThatIsNotInstalledIsOneLineSayingHowToGetIt() {
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> store.locate(Optional.of("sensevoice-small")));

        assertEquals("model 'sensevoice-small' is not installed; run: sensevoice model download sensevoice-small",
                e.getMessage());
        assertEquals(ExitCode.MODEL_START, e.exitCode());
    }

    @Test
    void anUnknownNameOrAMissingFolderIsOneLine() {
        SenseVoiceException unknown = assertThrows(SenseVoiceException.class, () -> store.locate(Optional.of("whisper")));
        assertTrue(unknown.getMessage().startsWith("model 'whisper' is not known"), unknown.getMessage());
        SenseVoiceException folder = assertThrows(SenseVoiceException.class,
                () -> store.locate(Optional.of(dir.resolve("nowhere/model").toString())));
        assertTrue(folder.getMessage().contains("no such model folder"), folder.getMessage());
    }

    @Test
    void theDemoModelMissingToo() throws IOException {
        Files.delete(repo.resolve(ModelStore.DEMO_MODEL));

        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> store.locate(Optional.empty()));

        assertEquals("model 'sensevoice-small' is not installed; run: sensevoice model download sensevoice-small",
                e.getMessage());
    }

    @Test
    void theRepositoryManifestsReadAndAgreeWithTheBundledFiles() throws IOException {
        ModelManifests shipped = new ModelManifests(Path.of("models"));

        assertEquals(List.of("sensevoice-small", "sensevoice-small-funasr-int8", "sensevoice-small-int8",
                "sensevoice-small-yue-int8", "sensevoice-tiny-digits", "silero-vad"),
                shipped.all().stream().map(ModelManifest::name).toList());
        assertEquals(List.of("model.onnx", "model.int8.onnx", "tokens.txt"),
                shipped.find("sensevoice-small").orElseThrow().files().stream().map(ModelManifest.File::name).toList());
        for (ModelManifest m : shipped.all()) {
            assertTrue(m.isBundled() || m.files().stream().allMatch(f -> f.sha256().isEmpty()),
                    m.name() + ": no official checksums exist for downloads");
            for (ModelManifest.File f : m.files()) {
                Path file = Path.of("models", m.bundled().orElse(""), f.name());
                if (m.isBundled() && Files.exists(file) && f.sha256().isPresent()) {
                    assertEquals(f.sha256().get(), TestModelFiles.sha256(file), file.toString());
                    assertEquals(f.size().getAsLong(), Files.size(file), file.toString());
                }
            }
        }
    }

    @Test
    void aBrokenManifestIsOneLineNamingIt() throws IOException {
        Files.writeString(repo.resolve("bad.json"), "{\"name\":\"bad\",\"kind\":\"asr\"}");

        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> new ModelManifests(repo));

        assertTrue(e.getMessage().startsWith(repo.resolve("bad.json") + ": unreadable model manifest"), e.getMessage());
    }
}
