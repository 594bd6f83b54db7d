package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.metrics.FileStats;
import dev.sensevoice.metrics.RunStats;
import dev.sensevoice.transcribe.FileOutcome;
import dev.sensevoice.transcribe.FileTranscript;
import dev.sensevoice.transcribe.InputFile;
import dev.sensevoice.transcribe.TranscriptionSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final InputFile a = new InputFile(Path.of("a.wav"), Path.of("."), "calls/a.wav");
    private final FileTranscript done = new FileTranscript(a, 913.42, "en", "Good morning.", List.of(),
            new FileStats(913.42, 21844L, 410L, 655L, 1203L, 18020L, 96L, 0.0239, 1412L, null));
    private final TranscriptionSummary summary = new TranscriptionSummary(List.of(FileOutcome.ok(done)),
            new RunStats(2, 1, 1, 0, 913.42, 22000, 0.024), Optional.empty(), Optional.empty());

    private ConsoleReporter reporter(ConsoleReporter.Mode mode, boolean text) {
        return new ConsoleReporter(new PrintWriter(out), new PrintWriter(err), mode, text);
    }

    @Test
    void plainPrintsOneLinePerInputAndASummary() {
        ConsoleReporter r = reporter(ConsoleReporter.Mode.PLAIN, false);
        r.runStarted(2);
        r.fileFinished(done);
        r.fileFailed(FileOutcome.failed(a, "calls/b.wav: not found; check the path"));
        r.finish(summary);
        assertEquals(List.of(
                "ok      calls/a.wav  (15m13s audio in 21.8 s, RTF 0.024, 0 segments, en)",
                "sensevoice: calls/b.wav: not found; check the path",
                "2 inputs: 1 ok, 1 failed, 0 skipped; 15m13s audio in 22.0 s (RTF 0.024)"),
                err.toString().lines().toList());
        assertEquals("", out.toString());
    }

    @Test
    void quietKeepsOnlyFailuresAndTextGoesToStdout() {
        ConsoleReporter r = reporter(ConsoleReporter.Mode.NONE, true);
        r.runStarted(2);
        r.fileFinished(done);
        r.fileFailed(FileOutcome.failed(a, "calls/b.wav: not found; check the path"));
        r.finish(summary);
        assertEquals("sensevoice: calls/b.wav: not found; check the path", err.toString().strip());
        assertEquals("Good morning.", out.toString().strip());
    }

    @Test
    void theBarDrawsAndEndsWithTheSummary() {
        ConsoleReporter r = reporter(ConsoleReporter.Mode.BAR, false);
        r.runStarted(2);
        r.audioRecognized(a, 12.5);
        r.fileFinished(done);
        r.finish(summary);
        String text = err.toString();
        assertTrue(text.contains("transcribe"), text);
        assertTrue(text.strip().endsWith("2 inputs: 1 ok, 1 failed, 0 skipped; 15m13s audio in 22.0 s (RTF 0.024)"), text);
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("42.3 s", ConsoleReporter.duration(42.25));
        assertEquals("12m05s", ConsoleReporter.duration(725));
        assertEquals("3h02m", ConsoleReporter.duration(3 * 3600 + 125));
    }
}
