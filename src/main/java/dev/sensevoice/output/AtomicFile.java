package dev.sensevoice.output;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see the old content or the whole new content, never a part:
 * the bytes go to {@code .<name>.<pid>-<host>.<random>.tmp} in the same folder, are forced to
 * disk, then renamed over the target. The folder itself is not fsync'd: after a power cut the
 * rename may be lost, which leaves the old file, still whole.
 */
public final class AtomicFile {
    /** A temporary file of some run: name, pid, host hash. */
    private static final Pattern TEMP = Pattern.compile("^\\.(.+)\\.(\\d{1,18})-([0-9a-f]{8})\\.[0-9a-z]+\\.tmp$");
    /** No write takes this long: an older temporary file belongs to a run that died (on any host). */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HOST = String.format("%08x", HostName.get().hashCode());

    private AtomicFile() {
    }

    /** What goes into the file; it must not close the stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} to {@code target} atomically, creating missing parent folders. */
    public static void write(Path target, Content content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve(tempName(target.getFileName().toString()));
        try {
            writeDurably(temp, content);
            move(temp, target);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void writeDurably(Path temp, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            content.writeTo(new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            });
            out.flush();
            channel.force(true);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on odd file systems; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An I/O failure in a few words ("Is a directory", "access denied"): NIO messages are often just paths. */
    static String reason(IOException e) {
        String detail = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (detail != null) {
            return detail;
        }
        String type = e.getClass().getSimpleName().replace("Exception", "");
        return type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    static String tempName(String name) {
        String random = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        return "." + name + "." + ProcessHandle.current().pid() + "-" + HOST + "." + random + ".tmp";
    }

    /**
     * Deletes temporary files that killed runs left in {@code folder} (not below it): those of this
     * host whose process is gone, and any older than {@link #ABANDONED_AFTER} (another host's
     * process cannot be checked, and a pid may have been reused). Best effort; returns how many.
     */
    public static int removeLeftovers(Path folder) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path entry : entries) {
                removed += abandoned(entry) && Files.deleteIfExists(entry) ? 1 : 0;
            }
        } catch (IOException e) {
            // A folder we cannot list or clean is left as it is: leftovers are ignored anyway.
            return removed;
        }
        return removed;
    }

    static boolean abandoned(Path entry) throws IOException {
        Matcher name = TEMP.matcher(entry.getFileName().toString());
        if (!name.matches() || !Files.isRegularFile(entry)) {
            return false;
        }
        boolean oursAndDead = name.group(3).equals(HOST)
                && ProcessHandle.of(Long.parseLong(name.group(2))).map(p -> !p.isAlive()).orElse(true);
        Instant modified = Files.getLastModifiedTime(entry).toInstant();
        return oursAndDead || modified.isBefore(Instant.now().minus(ABANDONED_AFTER));
    }
}
