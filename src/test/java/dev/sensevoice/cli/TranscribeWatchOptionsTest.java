package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.metrics.MemoryProbe;
import dev.sensevoice.transcribe.Cancellation;
import dev.sensevoice.transcribe.StageFactory;
import dev.sensevoice.transcribe.TranscriptionSummary;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --watch, --no-snapshot and --warmup as the command line sees them. */
class TranscribeWatchOptionsTest {
    @TempDir
    Path dir;
    final StringWriter err = new StringWriter();
    final List<Boolean> snapshotChoices = new ArrayList<>();

    /** Records what {@code stages(useSnapshots)} was asked; opening the stages fails like a missing model. */
    final TranscribeWiring wiring = new TranscribeWiring() {
        @Override
        public StageFactory stages() {
            return stages(true);
        }

        @Override
        public StageFactory stages(boolean useSnapshots) {
            snapshotChoices.add(useSnapshots);
            return request -> {
                throw new dev.sensevoice.SenseVoiceException(dev.sensevoice.ExitCode.MODEL_START, "no model here");
            };
        }

        @Override
        public void writeStats(Path file, TranscriptionSummary summary) {
        }

        @Override
        public MemoryProbe rss() {
            return MemoryProbe.NONE;
        }

        @Override
        public MemoryProbe vram(String device) {
            return MemoryProbe.NONE;
        }

        @Override
        public Map<String, String> environment() {
            return Map.of();
        }

        @Override
        public Path workingDir() {
            return dir;
        }

        @Override
        public InputStream stdin() {
            return InputStream.nullInputStream();
        }

        @Override
        public boolean stderrIsTerminal() {
            return false;
        }

        @Override
        public AutoCloseable trapSignals(Cancellation cancellation, Runnable onFirstSignal) {
            return () -> { };
        }
    };

    private int run(String... args) {
        CommandLine cl = SenseVoiceCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == TranscribeCommand.class ? cls.cast(new TranscribeCommand(wiring))
                        : CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("transcribe"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void neitherInputsNorWatchIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("INPUT"), err.toString());
    }

    @Test
    void watchTakesNoInputsAndNeedsAnExistingFolder() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("a.wav"), "x");
        assertEquals(2, run("--watch", dir.toString(), dir.resolve("a.wav").toString()));
        assertTrue(err.toString().contains("--watch takes no INPUT"), err.toString());
        assertEquals(2, run("--watch", dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("no such folder"), err.toString());
    }

    @Test
    void noSnapshotReachesTheWiring() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("a.wav"), "x");
        assertEquals(3, run("--no-snapshot", "--warmup", dir.resolve("a.wav").toString()));
        assertEquals(3, run(dir.resolve("a.wav").toString()));
        assertEquals(List.of(false, true), snapshotChoices);
    }
}
