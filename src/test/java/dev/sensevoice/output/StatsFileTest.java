package dev.sensevoice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsFileTest {
    @TempDir
    Path folder;

    private static List<StatsRow> rows() {
        Transcript done = Samples.transcript("talks/a.wav", List.of(Samples.designSegment()));
        Transcript silent = Samples.transcript("quiet.wav", List.of());
        return List.of(StatsRow.ok(done), StatsRow.ok(silent),
                StatsRow.failed("bad, \"file\".mp3", "bad, \"file\".mp3: not audio; check the file"),
                StatsRow.skipped("old.wav"));
    }

    @Test
    void csvHasTheDocumentedColumnsAndOneRowPerInput() throws IOException {
        Path file = folder.resolve("stats.csv");
        new StatsFile(file).write(rows(), Duration.ofSeconds(30));
        List<List<String>> table = CsvWriterTest.parse(Files.readString(file));
        assertEquals(List.of("file", "status", "error", "audio_s", "latency_ms", "rtf", "segments", "language",
                "vram_peak_mb", "rss_peak_mb"), table.get(0));
        assertEquals(List.of("talks/a.wav", "ok", "", "913.42", "21844", "0.0239", "1", "en", "", "1412"), table.get(1));
        assertEquals(List.of("quiet.wav", "ok", "", "913.42", "21844", "0.0239", "0", "", "", "1412"), table.get(2));
        assertEquals("bad, \"file\".mp3: not audio; check the file", table.get(3).get(2));
        assertEquals(List.of("old.wav", "skipped", "", "", "", "", "", "", "", ""), table.get(4));
        assertEquals(5, table.size());
    }

    @Test
    void jsonAddsATotal() throws IOException {
        Path file = folder.resolve("run.JSON");
        new StatsFile(file).write(rows(), Duration.ofMillis(45_678));
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(4, json.get("files").size());
        assertEquals("failed", json.get("files").get(2).get("status").asText());
        assertTrue(json.get("files").get(3).get("audio_s").isNull());
        JsonNode total = json.get("total");
        assertEquals(4, total.get("inputs").asInt());
        assertEquals(2, total.get("ok").asInt());
        assertEquals(1, total.get("failed").asInt());
        assertEquals(1, total.get("skipped").asInt());
        assertEquals(1826.84, total.get("audio_s").asDouble(), 1e-9);
        assertEquals(45.678, total.get("wall_s").asDouble(), 1e-9);
        assertEquals(0.025, total.get("rtf").asDouble(), 1e-9);
    }

    @Test
    void noAudioMeansNoOverallRtf() throws IOException {
        Path file = folder.resolve("s.json");
        new StatsFile(file).write(List.of(StatsRow.skipped("x.wav")), Duration.ofSeconds(1));
        assertTrue(new ObjectMapper().readTree(file.toFile()).get("total").get("rtf").isNull());
    }

    @Test
    void otherExtensionsAreAUsageError() {
        SenseVoiceException error = assertThrows(SenseVoiceException.class, () -> new StatsFile(Path.of("stats.txt")));
        assertEquals(ExitCode.USAGE, error.exitCode());
        assertTrue(error.getMessage().contains("stats.txt"));
    }

    @Test
    void anUnwritableFileIsOneClearError() throws IOException {
        Path blocked = folder.resolve("stats.csv");
        Files.createDirectories(blocked.resolve("in-the-way"));
        SenseVoiceException error = assertThrows(SenseVoiceException.class,
                () -> new StatsFile(blocked).write(rows(), Duration.ZERO));
        assertEquals(ExitCode.SOME_FAILED, error.exitCode());
        assertTrue(error.getMessage().startsWith("--stats " + blocked + ": cannot write (Is a directory); check"),
                error.getMessage());
    }

    @Test
    void writtenAtomically() throws IOException {
        Path file = folder.resolve("stats.csv");
        new StatsFile(file).write(rows(), Duration.ofSeconds(1));
        try (var list = Files.list(folder)) {
            assertEquals(List.of(file), list.toList());
        }
    }
}
