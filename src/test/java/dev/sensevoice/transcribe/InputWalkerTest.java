package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputWalkerTest {
    @TempDir
    Path cwd;
    private String stdin = "";

    @BeforeEach
    void tree() throws IOException {
        for (String f : List.of("calls/a.m4a", "calls/b.wav", "calls/notes.txt", "calls/a.json",
                "calls/2026/jan/c d.m4a", "calls/2026/jan/été.m4a", "calls/2026/x.flac",
                "calls/.hidden.wav", "calls/.cache/e.m4a", "top.mp3", "README")) {
            Path p = cwd.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
    }

    private List<String> shown(String... args) {
        return walk(false, args).stream().map(InputFile::shownAs).toList();
    }

    private List<InputFile> walk(boolean recursive, String... args) {
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return new InputWalker(cwd, () -> in).walk(List.of(args), recursive);
    }

    @Test
    void aFileIsTakenAsGivenWhateverItsExtension() {
        List<InputFile> files = walk(false, "README");
        assertEquals(1, files.size());
        assertEquals(cwd.resolve("README"), files.get(0).path());
        assertEquals(null, files.get(0).relativeTo(), "a file argument: outputs by name only");
    }

    @Test
    void aFolderGivesItsDirectAudioFilesAndAllNestedOnesWithRecursive() {
        assertEquals(List.of("calls/a.m4a", "calls/b.wav"), shown("calls"));
        List<InputFile> all = walk(true, "calls/");
        assertEquals(List.of("calls/2026/jan/c d.m4a", "calls/2026/jan/été.m4a", "calls/2026/x.flac",
                "calls/a.m4a", "calls/b.wav"), all.stream().map(InputFile::shownAs).toList());
        assertTrue(all.stream().allMatch(f -> f.relativeTo().equals(cwd.resolve("calls"))));
    }

    @Test
    void globsAreExpandedHereWithDoubleStarAcrossFolders() {
        assertEquals(List.of("./calls/2026/jan/c d.m4a", "./calls/2026/jan/été.m4a", "./calls/a.m4a"),
                shown("./calls/**/*.m4a"));
        assertEquals(List.of("calls/a.m4a", "calls/b.wav"), shown("calls/?.*"));
        assertEquals(List.of("calls/2026/x.flac"), shown("calls/*/*.flac"));
        assertEquals(List.of("top.mp3"), shown("*.mp3"));
        InputFile deep = walk(false, "calls/**/c*").get(0);
        assertEquals(cwd.resolve("calls"), deep.relativeTo(), "relative to the glob's fixed prefix");
    }

    @Test
    void listsAndStdinGiveOnePathPerLineSkippingBlanksAndComments() throws IOException {
        Files.writeString(cwd.resolve("list.txt"), "# inputs\ncalls/b.wav\n\n  top.mp3  \ncalls/2026/jan/c d.m4a\n");
        assertEquals(List.of("calls/2026/jan/c d.m4a", "calls/b.wav", "top.mp3"), shown("@list.txt"));
        stdin = "calls/2026/jan/été.m4a\r\n#x\n";
        List<InputFile> fromStdin = walk(false, "-");
        assertEquals(List.of("calls/2026/jan/été.m4a"), fromStdin.stream().map(InputFile::shownAs).toList());
        assertEquals(null, fromStdin.get(0).relativeTo(), "list entries: name only");
    }

    @Test
    void duplicatesAreDroppedByRealPath() {
        List<InputFile> files = walk(false, "calls/b.wav", "calls", "./calls/../calls/b.wav", "calls/*.wav");
        assertEquals(List.of("calls/a.m4a", "calls/b.wav"), files.stream().map(InputFile::shownAs).toList());
    }

    @Test
    void aMissingPathIsKeptToFailByNameButNothingAtAllIsAUsageError() {
        assertEquals(List.of("nope.wav", "top.mp3"), shown("nope.wav", "top.mp3"));
        assertEquals(List.of("nope.wav"), shown("nope.wav"));
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> shown("calls/*.ogg", "empty-glob/*"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("no input matched calls/*.ogg"));
        SenseVoiceException list = assertThrows(SenseVoiceException.class, () -> shown("@missing.txt"));
        assertTrue(list.getMessage().startsWith("@missing.txt: cannot read the list file"));
    }

    @Test
    void theOrderIsStableWhateverTheArgumentOrder() {
        assertEquals(shown("top.mp3", "calls"), shown("calls", "top.mp3"));
    }
}
