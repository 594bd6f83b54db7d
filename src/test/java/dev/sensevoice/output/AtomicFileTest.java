package dev.sensevoice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path folder;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static void text(Path file, String text) throws IOException {
        AtomicFile.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesTheWholeContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = folder.resolve("a.txt");
        text(target, "first");
        text(target, "second, longer");
        assertEquals("second, longer", Files.readString(target));
        assertEquals(List.of("a.txt"), names());
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileWhole() throws IOException {
        Path target = folder.resolve("a.json");
        text(target, "{\"old\": true}\n");
        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("{\"new\": ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("{\"old\": true}\n", Files.readString(target));
        assertEquals(List.of("a.json"), names());
    }

    @Test
    void aRuntimeFailureAlsoCleansUp() throws IOException {
        Path target = folder.resolve("b.txt");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("writer bug");
        }));
        assertEquals(List.of(), names());
    }

    @Test
    void createsMissingFolders() throws IOException {
        Path target = folder.resolve("x/y/z.srt");
        text(target, "1");
        assertEquals("1", Files.readString(target));
    }

    @Test
    void closingTheStreamInsideContentDoesNotLoseData() throws IOException {
        Path target = folder.resolve("c.txt");
        AtomicFile.write(target, out -> {
            out.write("kept".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        assertEquals("kept", Files.readString(target));
    }

    @Test
    void removesLeftoversOfDeadRunsOnly() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        String ours = AtomicFile.tempName("a.json");
        String pid = Long.toString(ProcessHandle.current().pid());
        String deadHere = ours.replace("." + pid + "-", "." + finished.pid() + "-");
        String otherHost = ours.replaceAll("-[0-9a-f]{8}\\.", "-" + otherHash(ours) + ".");
        String otherHostOld = otherHost.replace("a.json", "b.json");
        List<String> kept = List.of(ours, otherHost, "a.json", ".a.sensevoice.json", ".notes.tmp", ".x.12-zz.1.tmp");
        for (String name : Stream.concat(kept.stream(), Stream.of(deadHere, otherHostOld)).toList()) {
            Files.writeString(folder.resolve(name), "partial");
        }
        Files.setLastModifiedTime(folder.resolve(otherHostOld), FileTime.from(Instant.now().minusSeconds(7200)));

        assertEquals(2, AtomicFile.removeLeftovers(folder));
        assertEquals(kept.stream().sorted().toList(), names());
        assertFalse(Files.exists(folder.resolve(deadHere)));
        assertTrue(Files.exists(folder.resolve(ours)), "a live run's file stays");
    }

    /** A host hash that is not this host's. */
    private static String otherHash(String ourName) {
        return ourName.contains("-00000000.") ? "00000001" : "00000000";
    }

    @Test
    void aFolderThatDoesNotExistHasNoLeftovers() {
        assertEquals(0, AtomicFile.removeLeftovers(folder.resolve("missing")));
    }

    @Test
    void failuresAreDescribedInWordsNotPaths() {
        assertEquals("access denied", AtomicFile.reason(new java.nio.file.AccessDeniedException("/x/a.json")));
        assertEquals("Is a directory", AtomicFile.reason(
                new java.nio.file.FileSystemException("/x/.a.tmp", "/x/a.json", "Is a directory")));
        assertEquals("disk full", AtomicFile.reason(new IOException("disk full")));
    }
}
