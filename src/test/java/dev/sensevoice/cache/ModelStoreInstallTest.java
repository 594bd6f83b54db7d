package dev.sensevoice.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.model.ModelMetadata;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Installs from a misbehaving server on 127.0.0.1: resumes, checksums, 404, stalls, concurrency. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModelStoreInstallTest {
    private static final String NAME = "test-model";
    private static byte[] archive;

    @TempDir
    Path dir;
    private TestServer server;
    private URI url;

    @BeforeAll
    static void pack() throws IOException {
        archive = TestModelFiles.archive();
    }

    @BeforeEach
    void serve() throws IOException {
        server = new TestServer();
        url = server.put("/releases/test-model.tar.bz2", archive);
        TestModelFiles.manifest(dir.resolve("repo-models"), NAME, url.toString(), null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelStore store(DownloadSettings settings) {
        return new ModelStore(dir.resolve("cache"), new ModelManifests(dir.resolve("repo-models")), settings);
    }

    private ModelStore store() {
        return store(DownloadSettings.defaults().withTimeout(Duration.ofSeconds(10)));
    }

    private Path part() {
        return dir.resolve("cache/models/.downloads/test-model.tar.bz2.part");
    }

    /** Everything in the models folder except the lock file and the downloads folder. */
    private List<String> modelsFolder() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("cache/models"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(".downloads") && !n.endsWith(".lock")).sorted().toList();
        }
    }

    @Test
    void downloadsUnpacksAndRecordsTheFirstDigest() throws IOException {
        Path installed = store().install(NAME, false, DownloadListener.NONE).dir();

        assertEquals(dir.resolve("cache/models/test-model"), installed);
        for (String name : TestModelFiles.FILES) {
            assertArrayEquals(Files.readAllBytes(TestModelFiles.SHERPA.resolve(name)), Files.readAllBytes(installed.resolve(name)));
        }
        assertFalse(Files.exists(installed.resolve("test_wavs")), "only the manifest's files are unpacked");
        ModelStoreReceipt receipt = ModelStoreReceipt.read(installed).orElseThrow();
        assertEquals(TestModelFiles.sha256(TestModelFiles.SHERPA.resolve("model.int8.onnx")),
                receipt.entry("model.int8.onnx").orElseThrow().sha256());
        assertFalse(receipt.entry("model.int8.onnx").orElseThrow().official());
        assertEquals(TestModelFiles.sha256(archive), receipt.sources().get(0).sha256());
        assertEquals(List.of("test-model"), modelsFolder());
        assertFalse(Files.exists(part()), "the archive is removed once unpacked");
        assertEquals(392, ModelMetadata.load(installed).vocabSize());
    }

    @Test
    void aBrokenTransferResumesWithARangeRequest() throws IOException {
        server.breakAfter = archive.length / 2;
        server.behaviour = TestServer.Behaviour.BREAK_OFF_ONCE;
        List<String> notices = new CopyOnWriteArrayList<>();

        Path installed = store().install(NAME, false, notice(notices)).dir();

        assertEquals(List.of("", "bytes=" + archive.length / 2 + "-"), server.ranges);
        assertArrayEquals(Files.readAllBytes(TestModelFiles.SHERPA.resolve("model.onnx")),
                Files.readAllBytes(installed.resolve("model.onnx")));
        assertTrue(notices.stream().anyMatch(n -> n.contains("resuming")), notices.toString());
    }

    @Test
    void aKilledDownloadIsNotInstalledAndTheNextRunResumesIt() throws IOException {
        server.breakAfter = 100_000;
        server.behaviour = TestServer.Behaviour.BREAK_OFF_ALWAYS;
        ModelStore oneTry = store(DownloadSettings.defaults().withTimeout(Duration.ofSeconds(10)).withAttempts(1));

        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> oneTry.install(NAME, false, DownloadListener.NONE));
        assertTrue(e.getMessage().contains(url.toString()) && e.getMessage().contains("resume"), e.getMessage());
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertEquals(100_000, Files.size(part()));
        assertEquals(List.of(), modelsFolder(), "nothing visible after a failed install");
        assertTrue(oneTry.find(NAME).isEmpty());

        server.behaviour = TestServer.Behaviour.NORMAL;
        Path installed = oneTry.install(NAME, false, DownloadListener.NONE).dir();
        assertEquals("bytes=100000-", server.ranges.get(server.ranges.size() - 1));
        assertEquals(TestModelFiles.sha256(archive), ModelStoreReceipt.read(installed).orElseThrow().sources().get(0).sha256());
    }

    @Test
    void aWholePartFileLeftByAKilledRunIsUsedAsItIs() throws IOException {
        Files.createDirectories(part().getParent());
        Files.write(part(), archive);

        Path installed = store().install(NAME, false, DownloadListener.NONE).dir();

        assertEquals(List.of("bytes=" + archive.length + "-"), server.ranges, "answered 416 with the full size");
        assertArrayEquals(Files.readAllBytes(TestModelFiles.SHERPA.resolve("tokens.txt")),
                Files.readAllBytes(installed.resolve("tokens.txt")));
    }

    @Test
    void aWrongChecksumInstallsNothingAndRemovesTheDownload() throws IOException {
        TestModelFiles.manifest(dir.resolve("repo-models"), NAME, url.toString(), "0".repeat(64));

        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> store().install(NAME, false, DownloadListener.NONE));

        assertTrue(e.getMessage().contains("sha256 " + TestModelFiles.sha256(archive)), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(part()), "a download with the wrong digest is removed, not resumed");
        assertEquals(List.of(), modelsFolder());
    }

    @Test
    void aMissingFileIsOneLineNamingTheUrl() throws IOException {
        URI missing = server.url("/releases/gone.tar.bz2");
        TestModelFiles.manifest(dir.resolve("repo-models"), NAME, missing.toString(), null);

        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> store().install(NAME, false, DownloadListener.NONE));

        assertTrue(e.getMessage().startsWith("download " + missing + ": HTTP 404"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(List.of(), modelsFolder());
    }

    @Test
    void aStalledBodyFailsWithinTheTimeoutAndKeepsItsBytes() throws IOException {
        server.behaviour = TestServer.Behaviour.STALL_BODY;
        ModelStore impatient = store(DownloadSettings.defaults().withTimeout(Duration.ofMillis(600)));
        long start = System.nanoTime();

        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> impatient.install(NAME, false, DownloadListener.NONE));

        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 600 && ms < 5_000, ms + " ms");
        assertTrue(e.getMessage().contains("stalled") && e.getMessage().contains(url.toString()), e.getMessage());
        assertEquals(1000, Files.size(part()), "the bytes that came are kept for a resume");
        assertEquals(List.of(), modelsFolder());
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheTimeout() throws IOException {
        server.behaviour = TestServer.Behaviour.STALL_HEADERS;
        ModelStore impatient = store(DownloadSettings.defaults().withTimeout(Duration.ofMillis(600)));
        long start = System.nanoTime();

        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> impatient.install(NAME, false, DownloadListener.NONE));

        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
        assertTrue(e.getMessage().contains("stalled"), e.getMessage());
        assertEquals(List.of(), modelsFolder());
    }

    @Test
    void concurrentInstallsDownloadOnceAndNeverShowAHalfModel() throws Exception {
        ModelStore store = store();
        List<String> seenWhileDownloading = new CopyOnWriteArrayList<>();
        DownloadListener watcher = new DownloadListener() {
            @Override
            public void progressed(String file, long bytes) {
                seenWhileDownloading.add(store.find(NAME).isPresent() ? "visible" : "hidden");
            }
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<ModelStore.Located> a = two.submit(() -> store.install(NAME, false, watcher));
            Future<ModelStore.Located> b = two.submit(() -> store.install(NAME, false, watcher));
            assertEquals(a.get(30, TimeUnit.SECONDS).dir(), b.get(30, TimeUnit.SECONDS).dir());
        } finally {
            two.shutdownNow();
        }
        assertEquals(1, server.ranges.size(), "the second install waited and found the model installed");
        assertFalse(seenWhileDownloading.isEmpty());
        assertFalse(seenWhileDownloading.contains("visible"));
        assertEquals(List.of("test-model"), modelsFolder());
    }

    @Test
    void aKilledInstallsWorkFolderIsInvisibleAndCleanedUp() throws IOException {
        Path leftover = Files.createDirectories(dir.resolve("cache/models/.test-model.99999.tmp"));
        Files.write(leftover.resolve("model.onnx"), new byte[10]);
        ModelStore store = store();

        assertTrue(store.find(NAME).isEmpty());
        assertTrue(store.list().stream().filter(l -> l.name().equals(NAME)).allMatch(l -> l.where().isEmpty()));
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> store.locate(Optional.of(NAME)));
        assertEquals("model 'test-model' is not installed; run: sensevoice model download test-model", e.getMessage());

        store.install(NAME, false, DownloadListener.NONE);
        assertEquals(List.of("test-model"), modelsFolder());
    }

    @Test
    void forceReplacesAnInstalledModel() throws IOException {
        ModelStore store = store();
        Path installed = store.install(NAME, false, DownloadListener.NONE).dir();
        Files.write(installed.resolve("model.onnx"), new byte[10]);

        store.install(NAME, false, DownloadListener.NONE);
        assertEquals(10, Files.size(installed.resolve("model.onnx")), "without --force an installed model stays");
        store.install(NAME, true, DownloadListener.NONE);

        assertArrayEquals(Files.readAllBytes(TestModelFiles.SHERPA.resolve("model.onnx")),
                Files.readAllBytes(installed.resolve("model.onnx")));
        assertEquals(List.of("test-model"), modelsFolder());
    }

    @Test
    void aModelOfSeparateFilesChecksTheOfficialDigestsItHas() throws IOException {
        Path funasr = Path.of("src/test/resources/models/test-funasr");
        StringBuilder files = new StringBuilder();
        for (String name : List.of("model.onnx", "am.mvn", "tokens.json")) {
            byte[] bytes = Files.readAllBytes(funasr.resolve(name));
            String sha = name.equals("am.mvn") ? "\"" + TestModelFiles.sha256(bytes) + "\"" : "null";
            files.append(files.length() == 0 ? "" : ",").append("{\"name\":\"").append(name).append("\",\"url\":\"")
                    .append(server.put("/funasr/" + name, bytes)).append("\",\"size\":").append(bytes.length)
                    .append(",\"sha256\":").append(sha).append("}");
        }
        Files.writeString(dir.resolve("repo-models/test-funasr.json"), "{\"name\":\"test-funasr\",\"kind\":\"asr\","
                + "\"flavour\":\"funasr\",\"files\":[" + files + "]}");

        Path installed = store().install("test-funasr", false, DownloadListener.NONE).dir();

        ModelStoreReceipt receipt = ModelStoreReceipt.read(installed).orElseThrow();
        assertTrue(receipt.entry("am.mvn").orElseThrow().official());
        assertFalse(receipt.entry("model.onnx").orElseThrow().official());
        assertEquals(3, receipt.sources().size());
        assertEquals(ModelMetadata.load(funasr).vocabSize(), ModelMetadata.load(installed).vocabSize());
    }

    private static DownloadListener notice(List<String> lines) {
        return new DownloadListener() {
            @Override
            public void notice(String line) {
                lines.add(line);
            }
        };
    }
}
