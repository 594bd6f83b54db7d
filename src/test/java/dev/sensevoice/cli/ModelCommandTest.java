package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.cache.DownloadSettings;
import dev.sensevoice.cache.ModelManifests;
import dev.sensevoice.cache.ModelStore;
import dev.sensevoice.cache.TestModelFiles;
import dev.sensevoice.cache.TestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code model list|download|verify|path} through picocli, against a loopback server and temp folders. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModelCommandTest {
    @TempDir
    Path dir;
    private TestServer server;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp() throws IOException {
        server = new TestServer();
        String url = server.put("/asr-models/test-model.tar.bz2", TestModelFiles.archive()).toString();
        Path repo = dir.resolve("repo-models");
        TestModelFiles.manifest(repo, "test-model", url, null);
        TestModelFiles.manifest(repo, "other-model", server.url("/asr-models/other.tar.bz2").toString(), null);
        copy(TestModelFiles.SHERPA, repo.resolve("demo-model"));
        Files.writeString(repo.resolve("demo-model.json"), "{\"name\":\"demo-model\",\"kind\":\"asr\",\"flavour\":"
                + "\"sherpa-onnx\",\"bundled\":\"demo-model\",\"files\":[{\"name\":\"model.onnx\"},{\"name\":\"tokens.txt\"}]}");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        ModelStore store = new ModelStore(dir.resolve("cache"), new ModelManifests(dir.resolve("repo-models")),
                DownloadSettings.defaults().withTimeout(Duration.ofSeconds(10)));
        CommandLine cl = SenseVoiceCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == ModelCommand.class ? cls.cast(new ModelCommand(() -> store, false))
                        : CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("model"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    @Test
    void downloadThenListShowsTheRecordedDigestAndPathPrintsTheFolder() {
        assertEquals(0, run("download", "test-model"));
        Path installed = dir.resolve("cache/models/test-model");
        assertEquals(installed.toString(), out.toString().strip());
        assertTrue(err.toString().contains("sensevoice: test-model.tar.bz2: downloading"), err.toString());

        assertEquals(0, run("list"));
        String list = out.toString();
        String sha = TestModelFiles.sha256(TestModelFiles.SHERPA.resolve("model.int8.onnx"));
        assertTrue(list.lines().anyMatch(l -> l.startsWith("test-model ") && l.contains("installed")
                && l.endsWith(installed.toString())), list);
        assertTrue(list.lines().anyMatch(l -> l.contains("model.int8.onnx") && l.contains("sha256 " + sha)
                && l.contains("recorded at first download")), list);
        assertTrue(list.lines().anyMatch(l -> l.startsWith("other-model ") && l.contains("not installed")
                && l.contains("/asr-models/other.tar.bz2")), list);
        assertTrue(list.lines().anyMatch(l -> l.startsWith("demo-model ") && l.contains("bundled")), list);

        assertEquals(0, run("path", "test-model"));
        assertEquals(installed.toString(), out.toString().strip());
    }

    @Test
    void pathOfAKnownModelThatIsNotInstalledSaysHowToGetIt() {
        assertEquals(3, run("path", "other-model"));
        assertEquals(List.of("sensevoice: model 'other-model' is not installed; run: sensevoice model download other-model"),
                errLines());
        assertEquals(3, run("path", "no-such-model"));
        assertEquals(1, errLines().size());
        assertTrue(errLines().get(0).contains("'no-such-model' is not known"), err.toString());
    }

    @Test
    void verifyRunsTheEngineOnEveryModelFile() {
        assertEquals(0, run("download", "test-model"));

        assertEquals(0, run("verify", "test-model"));

        String report = out.toString();
        assertTrue(report.contains("matches the first download's"), report);
        assertTrue(report.contains("metadata: sherpa-onnx, vocabulary 392"), report);
        assertTrue(report.contains("test run: model.onnx") && report.contains("test run: model.int8.onnx"), report);
        assertTrue(report.strip().endsWith("test-model is sound"), report);
    }

    @Test
    void verifyNamesATruncatedFileOfAnInstalledModel() throws IOException {
        assertEquals(0, run("download", "test-model"));
        Path int8 = dir.resolve("cache/models/test-model/model.int8.onnx");
        truncate(int8);

        assertEquals(3, run("verify", "test-model"));

        assertEquals(1, errLines().size(), err.toString());
        assertTrue(errLines().get(0).startsWith("sensevoice: " + int8 + ": "), err.toString());
        assertTrue(errLines().get(0).contains("sensevoice model download test-model --force"), err.toString());
    }

    @Test
    void verifyNamesATruncatedFileInAPlainFolder() throws IOException {
        Path copy = copy(TestModelFiles.SHERPA, dir.resolve("copy"));
        truncate(copy.resolve("model.int8.onnx"));

        assertEquals(3, run("verify", copy.toString()));

        assertEquals(1, errLines().size(), err.toString());
        assertTrue(errLines().get(0).startsWith("sensevoice: " + copy.resolve("model.int8.onnx") + ": "), err.toString());
        assertTrue(out.toString().contains("test run: model.onnx"), "the sound fp32 file passed first: " + out);
    }

    @Test
    void verifyOfTheBundledModelNeedsNoReceipt() {
        assertEquals(0, run("verify", "demo-model"));
        assertTrue(out.toString().contains("nothing to compare with"), out.toString());
    }

    private static void truncate(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : TestModelFiles.FILES) {
            Files.copy(from.resolve(name), to.resolve(name));
        }
        return to;
    }
}
