package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** docs/scaling.md: --shard over N workers covers the corpus once, and --skip-existing makes reruns no-ops. */
class ScalingTest {
    private static final String MODEL = "src/test/resources/models/test-sherpa";

    @TempDir
    Path dir;

    /** The Slurm script, run as Slurm would run tasks 5..8 of an array (MIN = 5), each with --dry-run. */
    @Test
    void theSlurmArrayScriptSplitsTheCorpusIntoDisjointTasksThatCoverIt() throws Exception {
        Path audio = corpus(12, false);
        List<String> all = new ArrayList<>();
        for (int task = 5; task <= 8; task++) {
            all.addAll(slurmTask(audio, task, 5, 4));
        }
        assertEquals(12, all.size(), "every input once: " + all);
        assertEquals(12, new HashSet<>(all).size(), "no input twice: " + all);
        assertTrue(all.stream().allMatch(line -> line.contains(dir.resolve("out") + "/")), all.toString());
    }

    @Test
    void shardsWriteEachInputOnceAndRerunsWithSkipExistingChangeNothing() throws Exception {
        Path audio = corpus(6, true);
        Path out = dir.resolve("out");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, transcribe(audio, out, i + "/3", "first-" + i + ".csv"));
        }
        Map<Path, FileTime> written = times(out);
        assertEquals(6 * 2, written.size(), written.keySet().toString());
        int skipped = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, transcribe(audio, out, i + "/3", "again-" + i + ".csv"));
            List<String> rows = Files.readAllLines(dir.resolve("again-" + i + ".csv"));
            assertTrue(rows.stream().skip(1).allMatch(row -> row.contains(",skipped,")), rows.toString());
            skipped += rows.size() - 1;
        }
        assertEquals(6, skipped, "every input in exactly one shard");
        assertEquals(written, times(out), "nothing rewritten");
    }

    private Path corpus(int files, boolean speech) throws IOException {
        Path audio = dir.resolve("audio");
        Files.createDirectories(audio.resolve("day 2"));
        Path clip = speech ? Fixtures.speech(dir.resolve("clip.wav"), "Order number four two seven.")
                : Files.writeString(dir.resolve("clip.wav"), "dry runs do not read audio");
        for (int i = 0; i < files; i++) {
            Files.copy(clip, audio.resolve((i % 2 == 0 ? "" : "day 2/") + "call-" + i + ".wav"));
        }
        return audio;
    }

    private List<String> slurmTask(Path audio, int id, int min, int count) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder("bash", "docs/scaling/slurm-array.sh", "--dry-run");
        pb.environment().putAll(Map.of("SLURM_ARRAY_TASK_ID", "" + id, "SLURM_ARRAY_TASK_MIN", "" + min,
                "SLURM_ARRAY_TASK_COUNT", "" + count, "AUDIO", audio.toString(), "OUT", dir.resolve("out").toString(),
                "SENSEVOICE", java + " -cp " + System.getProperty("java.class.path") + " dev.sensevoice.Main"));
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        return output.lines().toList();
    }

    private int transcribe(Path audio, Path out, String shard, String stats) {
        StringWriter err = new StringWriter();
        CommandLine cl = SenseVoiceCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute("transcribe", "--model", MODEL, "--device", "cpu", "-q", "-r", "--skip-existing",
                "--shard", shard, "-f", "json,txt", "-o", out.toString(), "--stats", dir.resolve(stats).toString(),
                audio.toString());
    }

    private static Map<Path, FileTime> times(Path out) throws IOException {
        Map<Path, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}
