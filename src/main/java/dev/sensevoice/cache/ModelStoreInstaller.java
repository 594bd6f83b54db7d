package dev.sensevoice.cache;

import dev.sensevoice.model.Sha256;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Installs a downloadable model so that a half-finished one is never visible: fetch into
 * {@code models/.downloads/<file>.part} (kept across runs, so a later run resumes it), unpack or
 * move into {@code models/.<name>.<pid>.tmp/}, check sizes and checksums, write the receipt, then
 * rename the folder to {@code models/<name>/}. A file lock on {@code models/.<name>.lock} makes
 * a second process wait instead of writing the same {@code .part}. A checksum or size mismatch
 * removes the {@code .part} file: resuming bad bytes would only fail again.
 */
final class ModelStoreInstaller {
    private static final long LOCK_POLL_MS = 200;
    private final Path modelsDir;
    private final DownloadClient client;

    ModelStoreInstaller(Path modelsDir, DownloadClient client) {
        this.modelsDir = modelsDir;
        this.client = client;
    }

    /** Installs {@code manifest}'s model (again with {@code force}); returns its folder. */
    Path install(ModelManifest manifest, boolean force, DownloadListener listener) {
        Path target = modelsDir.resolve(manifest.name());
        try {
            Files.createDirectories(modelsDir.resolve(".downloads"));
            try (FileChannel lockFile = FileChannel.open(modelsDir.resolve("." + manifest.name() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lock(lockFile, manifest.name(), listener)) {
                if (Files.isDirectory(target) && !force) {
                    listener.notice(manifest.name() + " is already installed in " + target);
                    return target;
                }
                removeLeftovers(manifest.name());
                return installLocked(manifest, target, force, listener);
            }
        } catch (IOException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START, modelsDir + ": cannot install " + manifest.name()
                    + " (" + e.getMessage() + "); check that the cache folder is writable ("
                    + ModelStore.CACHE_VARIABLE + ")", e);
        }
    }

    private Path installLocked(ModelManifest manifest, Path target, boolean force, DownloadListener listener)
            throws IOException {
        Path work = modelsDir.resolve("." + manifest.name() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.createDirectories(work);
        try {
            List<ModelStoreReceipt.Source> sources = fetchInto(manifest, work, force, listener);
            List<ModelStoreReceipt.Entry> files = check(manifest, work, listener);
            new ModelStoreReceipt(manifest.name(), Instant.now().toString(), sources, files).write(work);
            publish(work, target, manifest.name());
            return target;
        } finally {
            deleteTree(work);
        }
    }

    /** Downloads the archive and unpacks it, or downloads each file, into {@code work}. */
    private List<ModelStoreReceipt.Source> fetchInto(ModelManifest manifest, Path work, boolean force,
                                                     DownloadListener listener) throws IOException {
        List<ModelStoreReceipt.Source> sources = new ArrayList<>();
        if (manifest.archive().isPresent()) {
            ModelManifest.Archive archive = manifest.archive().get();
            ModelManifest.Download d = manifest.downloads().get(0);
            Path part = fetch(d, force, listener, sources);
            listener.notice("unpacking " + d.fileName());
            Set<String> names = manifest.files().stream().map(ModelManifest.File::name).collect(Collectors.toSet());
            DownloadArchive.unpack(part, archive.folder(), names, work);
            Files.delete(part);
            return sources;
        }
        for (ModelManifest.File file : manifest.files()) {
            ModelManifest.Download d = new ModelManifest.Download(file.url().orElseThrow(), file.size(), file.sha256());
            Files.move(fetch(d, force, listener, sources), work.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
        }
        return sources;
    }

    /** One complete, checked download in {@code .downloads/}; a size or checksum mismatch removes it. */
    private Path fetch(ModelManifest.Download d, boolean force, DownloadListener listener,
                       List<ModelStoreReceipt.Source> sources) throws IOException {
        Path part = modelsDir.resolve(".downloads").resolve(d.fileName() + ".part");
        if (force) {
            Files.deleteIfExists(part);
        }
        long size = client.fetch(d.url(), part, d.size(), listener);
        if (d.size().isPresent() && size != d.size().getAsLong()) {
            Files.deleteIfExists(part);
            throw damaged("download " + d.url() + ": " + size + " bytes, the manifest says " + d.size().getAsLong()
                    + "; the partial file was removed: run the command again");
        }
        listener.notice("computing sha256 of " + d.fileName());
        String sha = Sha256.of(part);
        if (d.sha256().isPresent() && !d.sha256().get().equals(sha)) {
            Files.deleteIfExists(part);
            throw damaged("download " + d.url() + ": sha256 " + sha + " differs from the manifest's "
                    + d.sha256().get() + "; the download was removed, nothing was installed");
        }
        sources.add(new ModelStoreReceipt.Source(d.url().toString(), size, sha));
        return part;
    }

    /** Every listed file present, of the listed size and digest where known; their receipt entries. */
    private static List<ModelStoreReceipt.Entry> check(ModelManifest manifest, Path work, DownloadListener listener)
            throws IOException {
        List<ModelStoreReceipt.Entry> entries = new ArrayList<>();
        for (ModelManifest.File f : manifest.files()) {
            Path file = work.resolve(f.name());
            long size = Files.size(file);
            if (f.size().isPresent() && f.size().getAsLong() != size) {
                throw damaged(manifest.name() + "/" + f.name() + ": " + size + " bytes, the manifest says "
                        + f.size().getAsLong() + "; nothing was installed");
            }
            String sha = Sha256.of(file);
            if (f.sha256().isPresent() && !f.sha256().get().equals(sha)) {
                throw damaged(manifest.name() + "/" + f.name() + ": sha256 " + sha + " differs from the manifest's "
                        + f.sha256().get() + "; nothing was installed");
            }
            listener.notice(f.name() + ": " + size + " bytes, sha256 " + sha
                    + (f.sha256().isPresent() ? " (matches the manifest)" : " (recorded; no official checksum)"));
            entries.add(new ModelStoreReceipt.Entry(f.name(), size, sha, f.sha256().isPresent()));
        }
        return entries;
    }

    /** The one rename that makes the model visible; a forced reinstall swaps the old folder out first. */
    private void publish(Path work, Path target, String name) throws IOException {
        Path old = modelsDir.resolve("." + name + "." + ProcessHandle.current().pid() + ".old");
        if (Files.isDirectory(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** Waits for the lock; polls, because a second install in this same JVM cannot block on a file lock. */
    private static FileLock lock(FileChannel channel, String name, DownloadListener listener) throws IOException {
        for (boolean told = false; ; told = true) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                return lock;
            }
            if (!told) {
                listener.notice("another install of " + name + " is running; waiting for it");
            }
            try {
                Thread.sleep(LOCK_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for another install of " + name, e);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Work folders of killed installs of this model (we hold its lock, so none is live). */
    private void removeLeftovers(String name) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(modelsDir, "." + name + ".*.{tmp,old}")) {
            for (Path dir : dirs) {
                deleteTree(dir);
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot remove: " + e.getMessage(), e);
        }
    }

    private static SenseVoiceException damaged(String message) {
        return new SenseVoiceException(ExitCode.MODEL_START, message);
    }
}
