package dev.sensevoice.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashMemoTest {
    @TempDir
    Path dir;

    /** sha256("abc"), from FIPS 180-2. */
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void remembersByPathSizeAndMtimeAcrossInstances() throws IOException {
        Path file = dir.resolve("model.onnx");
        Files.writeString(file, "abc");
        FileTime mtime = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(file, mtime);
        assertEquals(ABC, new HashMemo(dir.resolve("cache")).sha256(file));

        Files.writeString(file, "abd"); // same size; the mtime put back: the memo cannot tell
        Files.setLastModifiedTime(file, mtime);
        HashMemo reopened = new HashMemo(dir.resolve("cache"));
        assertEquals(ABC, reopened.sha256(file));
        assertNotEquals(ABC, reopened.rehash(file).sha256());
    }

    @Test
    void aChangedMtimeOrSizeIsHashedAgain() throws IOException {
        Path file = dir.resolve("model.onnx");
        Files.writeString(file, "abc");
        HashMemo memo = new HashMemo(dir.resolve("cache"));
        assertEquals(ABC, memo.sha256(file));

        Files.writeString(file, "abcd");
        assertEquals(HashMemo.digest(file), new HashMemo(dir.resolve("cache")).sha256(file));
        assertNotEquals(ABC, HashMemo.digest(file));
    }

    @Test
    void aDamagedMemoIsIgnored() throws IOException {
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(dir.resolve("cache").resolve(HashMemo.FILE), "garbage\tline\n\u0000\n");
        Path file = dir.resolve("a");
        Files.writeString(file, "abc");
        assertEquals(ABC, new HashMemo(dir.resolve("cache")).sha256(file));
    }
}
