package dev.sensevoice.cache;

import dev.sensevoice.model.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the sha256 of large files by (absolute path, size, mtime) in {@code <cache>/hashes.tsv},
 * so that a 900 MB model is not read again at every start. An entry is used only while size and
 * mtime still match; {@link #rehash} reads the file again whatever the memo says.
 */
public final class HashMemo {
    static final String FILE = "hashes.tsv";

    private final Path memoFile;
    private final Map<Path, Entry> entries = new LinkedHashMap<>();

    /** One remembered hash; {@code mtimeMs} is the file's last-modified time in milliseconds. */
    public record Entry(Path file, long size, long mtimeMs, String sha256) {
        String line() {
            return sha256 + "\t" + size + "\t" + mtimeMs + "\t" + file;
        }
    }

    public HashMemo(Path cacheRoot) {
        this.memoFile = cacheRoot.resolve(FILE);
        load();
    }

    /** The file's sha256: from the memo when size and mtime match, else read (and remembered). */
    public synchronized String sha256(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Entry known = entries.get(key);
        Stamp now = Stamp.of(key);
        if (known != null && known.size() == now.size() && known.mtimeMs() == now.mtimeMs()) {
            return known.sha256();
        }
        return rehash(key).sha256();
    }

    /** Reads the file again and remembers its hash. */
    public synchronized Entry rehash(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Stamp before = Stamp.of(key);
        Entry entry = new Entry(key, before.size(), before.mtimeMs(), digest(key));
        entries.put(key, entry);
        save();
        return entry;
    }

    /** The remembered entry of {@code file}, as recorded (it may be stale). */
    public synchronized Optional<Entry> recorded(Path file) {
        return Optional.ofNullable(entries.get(file.toAbsolutePath().normalize()));
    }

    /** Every remembered entry, as recorded. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Forgets {@code file} (it no longer exists). */
    public synchronized void forget(Path file) {
        if (entries.remove(file.toAbsolutePath().normalize()) != null) {
            save();
        }
    }

    /** Whether the entry still describes the file on disk (same size and mtime). */
    public static boolean current(Entry entry) {
        if (!Files.isRegularFile(entry.file())) {
            return false;
        }
        Stamp now = Stamp.of(entry.file());
        return now.size() == entry.size() && now.mtimeMs() == entry.mtimeMs();
    }

    /** Lower-case hex sha256 of a file's bytes. */
    public static String digest(Path file) {
        return Sha256.of(file);
    }

    /** Size and last-modified time of a file. */
    record Stamp(long size, long mtimeMs) {
        static Stamp of(Path file) {
            try {
                return new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
    }

    /** A damaged or foreign line is skipped: the memo is only a shortcut, the file can be hashed again. */
    private void load() {
        if (!Files.isRegularFile(memoFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(memoFile, StandardCharsets.UTF_8)) {
                parse(line).ifPresent(e -> entries.put(e.file(), e));
            }
        } catch (IOException | UncheckedIOException e) {
            entries.clear();
        }
    }

    private static Optional<Entry> parse(String line) {
        String[] f = line.split("\t", 4);
        if (f.length != 4 || !f[0].matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(Path.of(f[3]), Long.parseLong(f[1]), Long.parseLong(f[2]), f[0]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Temp file then rename; a memo that cannot be written only costs a rehash next time. */
    private void save() {
        List<String> lines = new ArrayList<>();
        entries.values().forEach(e -> lines.add(e.line()));
        Path temp = null;
        try {
            Files.createDirectories(memoFile.getParent());
            temp = Files.createTempFile(memoFile.getParent(), "." + FILE, ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, memoFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the cache may be read-only; hashing again next time is the only cost
            if (temp != null) {
                Tree.delete(temp);
            }
        }
    }
}
