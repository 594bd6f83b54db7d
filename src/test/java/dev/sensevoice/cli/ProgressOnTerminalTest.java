package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design Part 2, --progress auto: on a terminal, a bar that redraws in place at a bounded rate (no
 * line per input, no flood); failures still get their own line. The terminal is a pseudo-terminal
 * from util-linux's {@code script}, which any Linux CI image has.
 */
class ProgressOnTerminalTest {
    private static final int INPUTS = 24;

    @TempDir
    Path dir;

    @Test
    void aTerminalGetsOneBarRedrawnInPlaceAndFailuresOnTheirOwnLine() throws Exception {
        Path clip = Fixtures.speech(dir.resolve("clip.wav"), "Two more days.");
        Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < INPUTS; i++) {
            Files.copy(clip, dir.resolve("in/" + i + ".wav"));
        }
        Files.writeString(dir.resolve("in/broken.wav"), "not audio");
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = String.format("'%s' -cp '%s' dev.sensevoice.Main transcribe --model "
                + "src/test/resources/models/test-sherpa --device cpu -o '%s' '%s' 2>&1 >/dev/null", java,
                System.getProperty("java.class.path"), dir.resolve("out"), dir.resolve("in"));
        long start = System.nanoTime();
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").start();
        String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(1, p.exitValue(), screen);
        assertTrue(screen.contains("transcribe") && screen.contains("/" + (INPUTS + 1) + " inputs"), screen);
        assertFalse(screen.contains("ok      "), "no plain lines on a terminal: " + screen);
        long redraws = screen.chars().filter(c -> c == '\r').count() - screen.lines().count();
        assertTrue(redraws <= 2 * seconds + 10, redraws + " redraws in " + seconds + " s: " + screen);
        assertEquals(1, screen.lines().filter(line -> line.contains("sensevoice: " + dir.resolve("in/broken.wav")))
                .count(), screen);
        String last = screen.strip().lines().reduce((a, b) -> b).orElse("").strip();
        assertTrue(last.startsWith(INPUTS + 1 + " inputs: " + INPUTS + " ok, 1 failed, 0 skipped;"), screen);
    }
}
