package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTest {
    static final long MS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aFileIsTakenOnceItsSizeHeldForTheSettleTimeAndOnlyOnce() throws IOException {
        DropFolder folder = new DropFolder(dir, 300 * MS);
        Path a = dir.resolve("a.wav");
        Files.writeString(a, "first half");
        Files.writeString(dir.resolve("a.json"), "an output, not audio");
        Files.writeString(dir.resolve(".hidden.wav"), "skipped");

        assertEquals(List.of(), folder.settled(0));
        Files.writeString(a, " second half", StandardOpenOption.APPEND); // still being copied in
        assertEquals(List.of(), folder.settled(200 * MS));
        assertEquals(List.of(), folder.settled(400 * MS)); // only 200 ms since it last changed
        assertEquals(List.of(a), folder.settled(500 * MS));
        assertEquals(List.of(), folder.settled(900 * MS));
    }

    @Test
    void aTakenFileThatChangesIsTakenAgain() throws IOException {
        DropFolder folder = new DropFolder(dir, 100 * MS);
        Path a = dir.resolve("a.flac");
        Files.writeString(a, "x");
        folder.settled(0);
        assertEquals(List.of(a), folder.settled(100 * MS));

        Files.writeString(a, "y");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));
        assertEquals(List.of(), folder.settled(150 * MS));
        assertEquals(List.of(a), folder.settled(300 * MS));
    }
}
