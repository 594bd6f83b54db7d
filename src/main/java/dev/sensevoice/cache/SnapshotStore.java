package dev.sensevoice.cache;

import dev.sensevoice.model.ExecutionDevice;
import dev.sensevoice.model.LoadPlan;
import dev.sensevoice.model.SnapshotSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The snapshots under {@code <cache>/snapshots/<key>/} as the model's {@link SnapshotSource}. A
 * snapshot is used only when its manifest names the same key and the file has the size and mtime
 * the manifest recorded; otherwise it is reported once, deleted and rebuilt by the run that found
 * it. A new snapshot is written into a temporary folder, then renamed into place.
 */
public final class SnapshotStore implements SnapshotSource {
    static final String DIR = "snapshots";
    static final String TEMP_PREFIX = ".tmp-";

    /** What the store does when no snapshot exists yet. */
    public enum Mode {
        /** Hash through the memo only; always load the model file itself ({@code --no-snapshot}). */
        OFF,
        /** Use a valid snapshot, rebuild a damaged one, but do not build a missing one (transcribe). */
        USE,
        /** Use a valid snapshot, build a missing or damaged one ({@code cache warm}). */
        BUILD
    }

    private final Path snapshots;
    private final HashMemo memo;
    private final Mode mode;
    private final String ortVersion;
    private final Consumer<String> warnings;
    private final Set<Path> warned = new HashSet<>();
    private final Map<Path, SnapshotKey> building = new ConcurrentHashMap<>();
    private final List<SnapshotManifest> published = new ArrayList<>();

    public SnapshotStore(Path cacheRoot, HashMemo memo, Mode mode, String ortVersion, Consumer<String> warnings) {
        this.snapshots = cacheRoot.resolve(DIR);
        this.memo = memo;
        this.mode = mode;
        this.ortVersion = ortVersion;
        this.warnings = warnings;
    }

    /** The store of {@code cacheRoot} for this process's ONNX Runtime. */
    public static SnapshotStore open(Path cacheRoot, Mode mode, Consumer<String> warnings) {
        return new SnapshotStore(cacheRoot, new HashMemo(cacheRoot), mode, SnapshotSource.runtimeVersion(), warnings);
    }

    @Override
    public LoadPlan plan(Path modelFile, ExecutionDevice device) {
        Optional<String> sha = Optional.of(memo.sha256(modelFile));
        if (mode == Mode.OFF) {
            return new LoadPlan.Original(modelFile, sha);
        }
        SnapshotKey key = new SnapshotKey(sha.get(), ortVersion, device.label(), SnapshotSource.OPTIMIZATION);
        Path dir = snapshots.resolve(key.dirName());
        if (Files.isDirectory(dir)) {
            Optional<String> problem = problem(dir, key);
            if (problem.isEmpty()) {
                return new LoadPlan.FromSnapshot(modelFile, sha, dir.resolve(SnapshotManifest.SNAPSHOT_FILE));
            }
            discard(dir, problem.get());
            return build(modelFile, sha, key);
        }
        return mode == Mode.BUILD ? build(modelFile, sha, key) : new LoadPlan.Original(modelFile, sha);
    }

    @Override
    public void started(LoadPlan plan, Duration took) {
        if (plan instanceof LoadPlan.Build build) {
            SnapshotKey key = building.remove(build.writeTo());
            if (key != null) {
                publish(build, key, took);
            }
        }
    }

    @Override
    public void failed(LoadPlan plan) {
        if (plan instanceof LoadPlan.Build build && building.remove(build.writeTo()) != null) {
            Tree.delete(build.writeTo().getParent());
        }
    }

    @Override
    public void rejected(LoadPlan.FromSnapshot plan, String reason) {
        discard(plan.snapshot().getParent(), "ONNX Runtime cannot load it (" + reason + ")");
    }

    /** Manifests of the snapshots this store wrote in this process. */
    public synchronized List<SnapshotManifest> published() {
        return List.copyOf(published);
    }

    /** Why the snapshot in {@code dir} cannot be trusted for {@code key}, or empty when it can. */
    static Optional<String> problem(Path dir, SnapshotKey key) {
        SnapshotManifest manifest;
        try {
            manifest = SnapshotManifest.read(dir.resolve(SnapshotManifest.FILE));
        } catch (IOException e) {
            return Optional.of("its manifest is unreadable (" + oneLine(e) + ")");
        }
        if (!manifest.key().equals(key)) {
            return Optional.of("its manifest is for another key");
        }
        for (SnapshotManifest.FileStamp expected : manifest.files()) {
            Path file = dir.resolve(expected.name());
            if (!Files.isRegularFile(file)) {
                return Optional.of("its " + expected.name() + " is missing");
            }
            HashMemo.Stamp stamp = HashMemo.Stamp.of(file);
            if (stamp.size() != expected.size() || stamp.mtimeMs() != expected.mtimeMs()) {
                return Optional.of("the size or modification time of its " + expected.name()
                        + " differs from its manifest");
            }
        }
        return Optional.empty();
    }

    private LoadPlan build(Path modelFile, Optional<String> sha, SnapshotKey key) {
        try {
            Files.createDirectories(snapshots);
            Path temp = Files.createTempDirectory(snapshots, TEMP_PREFIX + key.dirName() + "-");
            Path writeTo = temp.resolve(SnapshotManifest.SNAPSHOT_FILE);
            building.put(writeTo, key);
            return new LoadPlan.Build(modelFile, sha, writeTo, SnapshotManifest.DATA_FILE);
        } catch (IOException e) {
            warnOnce(snapshots, "cannot write snapshots under " + snapshots + " (" + oneLine(e)
                    + "); running without one; set SENSEVOICE_CACHE_DIR to a writable folder");
            return new LoadPlan.Original(modelFile, sha);
        }
    }

    /** Manifest into the temp folder, then the folder renamed into place (another process may have won). */
    private void publish(LoadPlan.Build build, SnapshotKey key, Duration took) {
        Path temp = build.writeTo().getParent();
        Path target = snapshots.resolve(key.dirName());
        try {
            if (Files.notExists(temp.resolve(SnapshotManifest.DATA_FILE))) {
                Files.createFile(temp.resolve(SnapshotManifest.DATA_FILE)); // no weight was large enough to move out
            }
            SnapshotManifest manifest = new SnapshotManifest(key, build.file().toAbsolutePath().toString(),
                    stamp(temp, SnapshotManifest.SNAPSHOT_FILE), stamp(temp, SnapshotManifest.DATA_FILE),
                    Instant.now(), took.toNanos() / 1e9);
            manifest.write(temp.resolve(SnapshotManifest.FILE));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            synchronized (this) {
                published.add(manifest);
            }
        } catch (IOException | UncheckedIOException e) {
            warnOnce(target, "snapshot " + target + " could not be saved (" + oneLine(e) + "); the run goes on without it");
        } finally {
            Tree.delete(temp);
        }
    }

    private static SnapshotManifest.FileStamp stamp(Path dir, String name) {
        Path file = dir.resolve(name);
        HashMemo.Stamp stamp = HashMemo.Stamp.of(file);
        return new SnapshotManifest.FileStamp(name, HashMemo.digest(file), stamp.size(), stamp.mtimeMs());
    }

    private void discard(Path dir, String why) {
        warnOnce(dir, "snapshot " + dir + " is ignored: " + why + "; rebuilding it");
        Tree.delete(dir);
    }

    private synchronized void warnOnce(Path about, String message) {
        if (warned.add(about)) {
            warnings.accept(message);
        }
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }
}
