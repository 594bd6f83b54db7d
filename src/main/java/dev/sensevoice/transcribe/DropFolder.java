package dev.sensevoice.transcribe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The audio files of a watched folder (its direct, non-hidden files with an audio extension). A
 * file is taken once its size and mtime have not changed for the settle time, so a file still
 * being copied in is left until it is whole; a taken file is taken again only if it changes.
 */
final class DropFolder {
    private final Path dir;
    private final long settleNanos;
    private final Map<Path, Seen> seen = new HashMap<>();
    private final Map<Path, Stamp> taken = new HashMap<>();

    /** Size and mtime of a file. */
    record Stamp(long size, long mtimeMs) {
        static Stamp of(Path file) throws IOException {
            return new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
        }
    }

    /** A file's stamp and since when (clock nanos) it has had it. */
    private record Seen(Stamp stamp, long sinceNanos) {
    }

    DropFolder(Path dir, long settleNanos) {
        this.dir = dir;
        this.settleNanos = settleNanos;
    }

    /** Files whose stamp has held for the settle time at {@code nowNanos}, not taken before; sorted. */
    List<Path> settled(long nowNanos) throws IOException {
        List<Path> ready = new ArrayList<>();
        for (Path file : audioFiles()) {
            Stamp stamp;
            try {
                stamp = Stamp.of(file);
            } catch (IOException e) {
                continue; // removed between listing and reading: gone
            }
            Seen before = seen.get(file);
            if (before == null || !before.stamp().equals(stamp)) {
                seen.put(file, new Seen(stamp, nowNanos));
            } else if (nowNanos - before.sinceNanos() >= settleNanos && !stamp.equals(taken.get(file))) {
                taken.put(file, stamp);
                ready.add(file);
            }
        }
        return ready;
    }

    private List<Path> audioFiles() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).filter(InputWalker::isAudio)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
