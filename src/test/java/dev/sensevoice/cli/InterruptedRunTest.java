package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design Part 2, exit codes 130/143: a real process (this JVM's classpath, {@code dev.sensevoice.Main})
 * is signalled mid-way through a folder; what it wrote must be complete, nothing temporary may stay,
 * and {@code --skip-existing} must then finish exactly what is missing.
 */
class InterruptedRunTest {
    private static final int INPUTS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void signalledRunsLeaveCompleteOutputsAndSkipExistingFinishesTheRest() throws Exception {
        Path in = dir.resolve("calls");
        Path speech = Fixtures.sox(Fixtures.speech(dir.resolve("speech.wav"), "Call me back at five."),
                dir.resolve("speech16.wav"), "-r", "16000");
        Files.createDirectories(in);
        for (int i = 0; i < INPUTS; i++) {
            Files.copy(speech, in.resolve(String.format("call %03d.wav", i)));
        }
        Path out = dir.resolve("out");

        Run first = signalled(in, out, "stats1.csv", "INT");
        assertEquals(130, first.exit(), first.stderr());
        int done = checkOutputs(out);
        assertTrue(done >= 3 && done < INPUTS, "stopped mid-way: " + done + " done\n" + first.stderr());
        assertEquals(Map.of("ok", (long) done, "failed", (long) INPUTS - done), statuses("stats1.csv"));

        Run second = signalled(in, out, "stats2.csv", "TERM", "--skip-existing");
        assertEquals(143, second.exit(), second.stderr());
        int doneAfterSecond = checkOutputs(out);
        Map<String, Long> secondStats = statuses("stats2.csv");
        assertEquals(done, secondStats.get("skipped"), secondStats.toString());
        assertEquals(doneAfterSecond - done, secondStats.getOrDefault("ok", 0L), secondStats.toString());

        Run last = run(in, out, "stats3.csv", "--skip-existing");
        assertEquals(0, last.exit(), last.stderr());
        assertEquals(INPUTS, checkOutputs(out));
        assertEquals(Map.of("skipped", (long) doneAfterSecond, "ok", (long) INPUTS - doneAfterSecond),
                statuses("stats3.csv"));
    }

    private record Run(int exit, String stderr) {
    }

    /** Starts a run, sends the signal once a few inputs are done, and waits for the exit. */
    private Run signalled(Path in, Path out, String stats, String signal, String... extra) throws Exception {
        Process p = start(in, out, stats, extra);
        CountDownLatch started = new CountDownLatch(3);
        StringBuilder stderr = new StringBuilder();
        Thread reader = new Thread(() -> readLines(p, stderr, started));
        reader.start();
        assertTrue(started.await(120, TimeUnit.SECONDS), "no progress: " + stderr);
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        return finish(p, reader, stderr);
    }

    private Run run(Path in, Path out, String stats, String... extra) throws Exception {
        Process p = start(in, out, stats, extra);
        StringBuilder stderr = new StringBuilder();
        Thread reader = new Thread(() -> readLines(p, stderr, new CountDownLatch(0)));
        reader.start();
        return finish(p, reader, stderr);
    }

    private Process start(Path in, Path out, String stats, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.sensevoice.Main", "transcribe", "--model", "src/test/resources/models/test-sherpa",
                "--device", "cpu", "--progress", "plain", "-f", "json,srt", "-o", out.toString(),
                "--stats", dir.resolve(stats).toString()));
        command.addAll(List.of(extra));
        command.add(in.toString());
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void readLines(Process p, StringBuilder into, CountDownLatch okLines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (into) {
                    into.append(line).append('\n');
                }
                if (line.startsWith("ok ")) {
                    okLines.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static Run finish(Process p, Thread reader, StringBuilder stderr) throws Exception {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not exit: " + stderr);
        }
        reader.join(10_000);
        synchronized (stderr) {
            return new Run(p.exitValue(), stderr.toString());
        }
    }

    /** Every file in {@code out} is a whole output: JSON parses, each has its SRT; returns how many inputs are done. */
    private static int checkOutputs(Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(out)) {
            files = all.toList();
        }
        int json = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(name.endsWith(".json") || name.endsWith(".srt"), "unexpected (temporary?) file " + name);
            if (name.endsWith(".json")) {
                json++;
                assertTrue(JSON.readTree(file.toFile()).has("segments"), name);
                assertTrue(Files.exists(out.resolve(name.replace(".json", ".srt"))), "srt beside " + name);
            }
        }
        assertEquals(2 * json, files.size(), "every input has both outputs or none");
        return json;
    }

    private Map<String, Long> statuses(String stats) throws IOException {
        List<String> rows = Files.readAllLines(dir.resolve(stats));
        assertEquals(INPUTS + 1, rows.size(), "every input in " + stats);
        Function<String, String> status = row -> row.replaceFirst("^\"[^\"]*\",|^[^,]*,", "").split(",")[0];
        return rows.stream().skip(1).map(status).collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }
}
