package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sensevoice.transcribe.TranscriptionRequest.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputPlanTest {
    private final Path root = Path.of("in").toAbsolutePath();
    private final InputFile a = new InputFile(root.resolve("m/a.wav"), root, "in/m/a.wav");
    private final InputFile aMp3 = new InputFile(root.resolve("m/a.mp3"), root, "in/m/a.mp3");
    private final InputFile b = new InputFile(root.resolve("m/d/b.flac"), root, "in/m/d/b.flac");

    @Test
    void besideTheInputByStem() {
        OutputPlan plan = OutputPlan.simple(List.of(a, b), Optional.empty(), List.of(Format.TXT, Format.JSON));
        assertEquals(List.of(root.resolve("m/a.txt"), root.resolve("m/a.json")), plan.outputsOf(a));
    }

    @Test
    void underTheOutputRootAtTheRelativePath() {
        Path out = Path.of("out").toAbsolutePath();
        OutputPlan plan = OutputPlan.simple(List.of(a, b), Optional.of(out), List.of(Format.SRT));
        assertEquals(List.of(out.resolve("m/d/b.srt")), plan.outputsOf(b));
    }

    @Test
    void twoInputsWithOneStemBothKeepTheirExtension() {
        OutputPlan plan = OutputPlan.simple(List.of(a, aMp3, b), Optional.empty(), List.of(Format.JSON));
        assertEquals(List.of(root.resolve("m/a.wav.json")), plan.outputsOf(a));
        assertEquals(List.of(root.resolve("m/a.mp3.json")), plan.outputsOf(aMp3));
        assertEquals(List.of(root.resolve("m/d/b.json")), plan.outputsOf(b));
    }
}
