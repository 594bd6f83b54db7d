package dev.sensevoice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.transcribe.InputFile;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputLayoutTest {
    private static final Set<OutputFormat> JSON = EnumSet.of(OutputFormat.JSON);
    private static final Path OUT = Path.of("out");

    private static InputFile file(String path) {
        return InputFile.named(Path.of(path));
    }

    private static InputFile under(String base, String path) {
        return new InputFile(Path.of(path), Path.of(base), path);
    }

    private static String json(OutputLayout layout, InputFile input) {
        return layout.path(input, OutputFormat.JSON).toString();
    }

    @Test
    void besideTheInputByDefault() {
        InputFile nested = file("clips/a.wav");
        InputFile bare = file("b.flac");
        InputFile found = under("corpus", "corpus/x/c.mp3");
        OutputLayout layout = OutputLayout.plan(List.of(nested, bare, found), EnumSet.of(OutputFormat.TXT, OutputFormat.JSON), null);
        assertEquals(List.of(Path.of("clips/a.txt"), Path.of("clips/a.json")), layout.paths(nested));
        assertEquals("b.json", json(layout, bare));
        assertEquals("corpus/x/c.json", json(layout, found));
    }

    @Test
    void underOutputDirAFileArgumentKeepsItsNameOnly() {
        InputFile input = file("/data/clips/a.wav");
        assertEquals("out/a.json", json(OutputLayout.plan(List.of(input), JSON, OUT), input));
    }

    @Test
    void underOutputDirAFolderArgumentKeepsThePathBelowIt() {
        InputFile deep = under("corpus", "corpus/2026/11/a.wav");
        InputFile top = under("corpus/", "corpus/b.wav");
        OutputLayout layout = OutputLayout.plan(List.of(deep, top), JSON, OUT);
        assertEquals("out/2026/11/a.json", json(layout, deep));
        assertEquals("out/b.json", json(layout, top));
    }

    @Test
    void aGlobMatchIsPlacedRelativeToTheGlobsFixedPrefix() {
        // "data/2026/**/*.flac": the walker passes the fixed prefix "data/2026" as relativeTo.
        InputFile match = new InputFile(Path.of("data/2026/11/03/a.flac"), Path.of("data/2026"), "data/2026/11/03/a.flac");
        assertEquals("out/11/03/a.json", json(OutputLayout.plan(List.of(match), JSON, OUT), match));
    }

    @Test
    void listAndStdinEntriesKeepTheirNameOnly() {
        InputFile listed = new InputFile(Path.of("/srv/audio/x/talk.m4a"), null, "/srv/audio/x/talk.m4a");
        assertEquals("out/talk.json", json(OutputLayout.plan(List.of(listed), JSON, OUT), listed));
    }

    @Test
    void aFileOutsideItsBaseFallsBackToItsName() {
        InputFile odd = under("corpus", "elsewhere/a.wav");
        assertEquals("out/a.json", json(OutputLayout.plan(List.of(odd), JSON, OUT), odd));
    }

    @Test
    void inputsSharingAStemBothKeepTheirExtension() {
        InputFile wav = file("talks/a.wav");
        InputFile mp3 = file("talks/a.mp3");
        InputFile other = file("talks/b.wav");
        OutputLayout layout = OutputLayout.plan(List.of(wav, mp3, other), EnumSet.of(OutputFormat.JSON, OutputFormat.SRT), null);
        assertEquals("talks/a.wav.json", json(layout, wav));
        assertEquals("talks/a.mp3.json", json(layout, mp3));
        assertEquals(Path.of("talks/a.mp3.srt"), layout.path(mp3, OutputFormat.SRT));
        assertEquals("talks/b.json", json(layout, other));
    }

    @Test
    void stemsDifferingOnlyInCaseCollideToo() {
        InputFile upper = file("A.wav");
        InputFile lower = file("a.mp3");
        OutputLayout layout = OutputLayout.plan(List.of(upper, lower), JSON, null);
        assertEquals("A.wav.json", json(layout, upper));
        assertEquals("a.mp3.json", json(layout, lower));
    }

    @Test
    void sameStemInDifferentFoldersIsNoCollisionUnlessOutputDirJoinsThem() {
        InputFile first = file("d1/a.wav");
        InputFile second = file("d2/a.mp3");
        OutputLayout beside = OutputLayout.plan(List.of(first, second), JSON, null);
        assertEquals("d1/a.json", json(beside, first));
        assertEquals("d2/a.json", json(beside, second));
        OutputLayout joined = OutputLayout.plan(List.of(first, second), JSON, OUT);
        assertEquals("out/a.wav.json", json(joined, first));
        assertEquals("out/a.mp3.json", json(joined, second));
    }

    @Test
    void theSameInputTwiceIsNoCollision() {
        InputFile once = file("a.wav");
        InputFile again = new InputFile(Path.of("./a.wav"), null, "./a.wav");
        OutputLayout layout = OutputLayout.plan(List.of(once, again), JSON, null);
        assertEquals("a.json", json(layout, once));
    }

    @Test
    void twoInputsThatWouldStillShareAFileAreAUsageError() {
        List<InputFile> inputs = List.of(file("d1/a.wav"), file("d2/a.wav"));
        SenseVoiceException error = assertThrows(SenseVoiceException.class, () -> OutputLayout.plan(inputs, JSON, OUT));
        assertEquals(ExitCode.USAGE, error.exitCode());
        assertTrue(error.getMessage().contains("d1/a.wav") && error.getMessage().contains("d2/a.wav"), error.getMessage());
    }

    @Test
    void stemDropsOnlyTheLastExtension() {
        List<InputFile> inputs = List.of(file("archive.tar.gz"), file("noext"), file(".hidden"));
        OutputLayout layout = OutputLayout.plan(inputs, JSON, null);
        assertEquals(List.of("archive.tar.json", "noext.json", ".hidden.json"),
                inputs.stream().map(input -> json(layout, input)).toList());
    }

    @Test
    void sidecarIsHiddenBesideTheOutputs() {
        InputFile input = under("corpus", "corpus/x/a.wav");
        OutputLayout layout = OutputLayout.plan(List.of(input), EnumSet.of(OutputFormat.TXT), OUT);
        assertEquals(Path.of("out/x/.a.sensevoice.json"), layout.sidecar(input));
    }

    @Test
    void anInputLeftOutOfThePlanIsRefused() {
        OutputLayout layout = OutputLayout.plan(List.of(file("a.wav")), JSON, null);
        assertThrows(IllegalArgumentException.class, () -> layout.path(file("b.wav"), OutputFormat.JSON));
    }
}
