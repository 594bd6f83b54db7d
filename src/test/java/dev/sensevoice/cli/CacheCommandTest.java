package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sensevoice cache warm|status|verify|clear} through picocli, on the test model and a temp cache. */
class CacheCommandTest {
    static final String MODEL = "src/test/resources/models/test-sherpa";

    @TempDir
    Path cache;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = SenseVoiceCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == CacheCommand.class ? cls.cast(new CacheCommand(Map.of("SENSEVOICE_CACHE_DIR", cache.toString())))
                        : CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("cache"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    private List<Path> snapshots() throws IOException {
        try (Stream<Path> list = Files.list(cache.resolve("snapshots"))) {
            return list.sorted().toList();
        }
    }

    @Test
    void warmBuildsOneSnapshotPerModelFileAndStatusListsThemWithTheirModel() throws IOException {
        assertEquals(0, run("warm", "--model", MODEL, "--device", "cpu"), err.toString());
        assertTrue(out.toString().contains("model.onnx (cpu): built snapshot"), out.toString());
        assertTrue(out.toString().contains("model.int8.onnx (cpu): built snapshot"), out.toString());
        assertEquals(2, snapshots().size());

        assertEquals(0, run("warm", "--model", MODEL, "--device", "cpu"));
        assertEquals(2, out.toString().split("snapshot up to date").length - 1, out.toString());

        assertEquals(0, run("status"));
        String status = out.toString();
        assertTrue(status.contains("2 snapshot(s)"), status);
        assertEquals(2, status.split("  ok  cpu, ORT").length - 1, status);
        assertTrue(status.contains("test-sherpa" + java.io.File.separator + "model.int8.onnx"), status);
    }

    @Test
    void statusNamesAnInstalledModelItHasNotSeenBefore() throws IOException {
        run("warm", "--model", MODEL, "--device", "cpu");
        Files.delete(cache.resolve("hashes.tsv"));
        Path installed = Files.createDirectories(cache.resolve("models/small"));
        Files.copy(Path.of(MODEL, "model.onnx"), installed.resolve("model.onnx"));

        assertEquals(0, run("status"));
        assertTrue(out.toString().contains("model " + installed.resolve("model.onnx")), out.toString());
        assertTrue(out.toString().contains("no known model file"), out.toString()); // the int8 one: never hashed since
    }

    @Test
    void verifyRemovesADamagedSnapshotAndExitsOne() throws IOException {
        run("warm", "--model", MODEL, "--device", "cpu");
        Path damaged = snapshots().get(0);
        Files.writeString(damaged.resolve("model.onnx"), "x", StandardOpenOption.APPEND);

        assertEquals(0, run("status"));
        assertTrue(out.toString().contains("unusable: the size or modification time of its model.onnx differs"), out.toString());
        assertEquals(1, run("verify"));
        assertTrue(out.toString().contains("damaged  " + damaged), out.toString());
        assertTrue(out.toString().contains("4 file(s) checked, 1 damaged"), out.toString());
        assertFalse(Files.exists(damaged));
        assertEquals(0, run("verify"), out.toString());
    }

    @Test
    void clearRemovesSnapshotsOrEverything() throws IOException {
        run("warm", "--model", MODEL, "--device", "cpu");
        Files.createDirectories(cache.resolve("models/other"));

        assertEquals(0, run("clear"));
        assertFalse(Files.exists(cache.resolve("snapshots")));
        assertTrue(Files.exists(cache.resolve("models/other")));
        assertEquals(0, run("clear", "--all"));
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(0, left.count());
        }
        assertEquals(2, run("clear", "--all", "--snapshots"));
    }

    @Test
    void warmWithAMissingModelSaysSoWithExitThree() {
        assertEquals(3, run("warm", "--model", cache.resolve("nothing-here").toString()));
        assertTrue(err.toString().contains("nothing-here"), err.toString());
    }
}
