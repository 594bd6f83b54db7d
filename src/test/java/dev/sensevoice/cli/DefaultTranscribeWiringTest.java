package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sensevoice.metrics.FileStats;
import dev.sensevoice.metrics.RunStats;
import dev.sensevoice.transcribe.FileOutcome;
import dev.sensevoice.transcribe.FileTranscript;
import dev.sensevoice.transcribe.InputFile;
import dev.sensevoice.transcribe.TranscriptionSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultTranscribeWiringTest {
    @TempDir
    Path dir;

    @Test
    void statsRowsCarryEachOutcome() throws Exception {
        InputFile a = new InputFile(dir.resolve("a.wav"), null, "a.wav");
        InputFile b = new InputFile(dir.resolve("b.wav"), null, "b.wav");
        InputFile c = new InputFile(dir.resolve("c.wav"), null, "c.wav");
        FileTranscript done = new FileTranscript(a, 2.5, "en", "hi", List.of(),
                new FileStats(2.5, 500L, 1L, 2L, 3L, 4L, 5L, 0.2, 300L, null));
        TranscriptionSummary summary = new TranscriptionSummary(List.of(FileOutcome.ok(done),
                FileOutcome.failed(b, "b.wav: not found; check the path"), FileOutcome.skipped(c)),
                new RunStats(3, 1, 1, 1, 2.5, 900, 0.36), Optional.empty(), Optional.empty());
        Path stats = dir.resolve("stats.csv");
        new DefaultTranscribeWiring().writeStats(stats, summary);
        List<String> lines = Files.readAllLines(stats, StandardCharsets.UTF_8);
        assertEquals("file,status,error,audio_s,latency_ms,rtf,segments,language,vram_peak_mb,rss_peak_mb", lines.get(0));
        assertEquals(4, lines.size());
        assertEquals(List.of("a.wav", "ok"), List.of(lines.get(1).split(",")).subList(0, 2));
        assertEquals(true, lines.get(1).contains(",500,") && lines.get(1).endsWith(",300"), lines.get(1));
        assertEquals(true, lines.get(2).startsWith("b.wav,failed,"), lines.get(2));
        assertEquals(true, lines.get(3).startsWith("c.wav,skipped,"), lines.get(3));
    }
}
