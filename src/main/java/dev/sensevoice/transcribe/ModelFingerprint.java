package dev.sensevoice.transcribe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Name, size and mtime of every file in a model folder: when it changes, the model changed on disk. */
record ModelFingerprint(Map<String, DropFolder.Stamp> files) {
    ModelFingerprint {
        files = Map.copyOf(files);
    }

    static ModelFingerprint of(Path dir) {
        Map<String, DropFolder.Stamp> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), DropFolder.Stamp.of(file));
            }
        } catch (IOException e) {
            // a folder being rewritten: whatever was read so far differs, and is read again next poll
        }
        return new ModelFingerprint(files);
    }
}
