package dev.sensevoice.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code sensevoice cache status|verify|clear} see: every snapshot folder with its manifest,
 * size and the known model files it belongs to (known = hashed before, per the memo, and unchanged
 * since), a full re-check, and removal.
 */
public final class SnapshotCatalog {
    private final Path root;
    private final Path snapshots;
    private final HashMemo memo;

    /** One snapshot folder; {@code problem} empty = it would be used for its key. */
    public record Entry(Path dir, long bytes, Optional<SnapshotManifest> manifest, Optional<String> problem,
                        List<Path> models) {
    }

    /** The outcome of re-checking one file. */
    public enum Verdict { OK, UPDATED, FORGOTTEN, DAMAGED }

    public record Check(Path path, Verdict verdict, String detail) {
    }

    public SnapshotCatalog(Path cacheRoot) {
        this.root = cacheRoot;
        this.snapshots = cacheRoot.resolve(SnapshotStore.DIR);
        this.memo = new HashMemo(cacheRoot);
    }

    public Path root() {
        return root;
    }

    /**
     * Every snapshot folder (leftovers of interrupted builds included, as unusable). The model
     * files installed under {@code models/} are hashed first (through the memo: once per change).
     */
    public List<Entry> list() {
        hashInstalledModels();
        List<HashMemo.Entry> known = memo.entries().stream().filter(HashMemo::current).toList();
        List<Entry> entries = new ArrayList<>();
        for (Path dir : Tree.children(snapshots)) {
            entries.add(entry(dir, known));
        }
        return entries;
    }

    /** Re-reads every remembered model file and every snapshot; damaged snapshots are removed. */
    public List<Check> verify() {
        List<Check> checks = new ArrayList<>();
        for (HashMemo.Entry entry : memo.entries()) {
            checks.add(verifyModel(entry));
        }
        for (Path dir : Tree.children(snapshots)) {
            checks.add(verifySnapshot(dir));
        }
        return checks;
    }

    /** Removes every snapshot; returns the bytes freed. */
    public long clearSnapshots() {
        long bytes = Files.isDirectory(snapshots) ? Tree.size(snapshots) : 0;
        Tree.delete(snapshots);
        return bytes;
    }

    /** Removes the whole cache: models, snapshots and the hash memo; returns the bytes freed. */
    public long clearAll() {
        long bytes = Files.isDirectory(root) ? Tree.size(root) : 0;
        for (Path child : Tree.children(root)) {
            Tree.delete(child);
        }
        return bytes;
    }

    private void hashInstalledModels() {
        for (Path model : Tree.children(root.resolve("models"))) {
            Tree.children(model).stream().filter(f -> f.getFileName().toString().endsWith(".onnx"))
                    .filter(Files::isRegularFile).forEach(memo::sha256);
        }
    }

    private Entry entry(Path dir, List<HashMemo.Entry> known) {
        long bytes = Tree.size(dir);
        if (dir.getFileName().toString().startsWith(SnapshotStore.TEMP_PREFIX)) {
            return new Entry(dir, bytes, Optional.empty(), Optional.of("left by an interrupted build"), List.of());
        }
        try {
            SnapshotManifest manifest = SnapshotManifest.read(dir.resolve(SnapshotManifest.FILE));
            List<Path> models = known.stream().filter(e -> e.sha256().equals(manifest.key().modelSha256()))
                    .map(HashMemo.Entry::file).toList();
            Optional<String> problem = dir.getFileName().toString().equals(manifest.key().dirName())
                    ? SnapshotStore.problem(dir, manifest.key()) : Optional.of("its folder name does not match its key");
            return new Entry(dir, bytes, Optional.of(manifest), problem, models);
        } catch (IOException | UncheckedIOException e) {
            return new Entry(dir, bytes, Optional.empty(),
                    Optional.of("its manifest is unreadable (" + SnapshotStore.oneLine(e) + ")"), List.of());
        }
    }

    private static Optional<String> rehashProblem(Path dir, SnapshotManifest manifest) {
        for (SnapshotManifest.FileStamp file : manifest.files()) {
            if (!HashMemo.digest(dir.resolve(file.name())).equals(file.sha256())) {
                return Optional.of("the sha256 of its " + file.name() + " differs from its manifest");
            }
        }
        return Optional.empty();
    }

    private Check verifyModel(HashMemo.Entry entry) {
        if (!Files.isRegularFile(entry.file())) {
            memo.forget(entry.file());
            return new Check(entry.file(), Verdict.FORGOTTEN, "no longer exists; forgotten");
        }
        HashMemo.Entry now = memo.rehash(entry.file());
        if (now.sha256().equals(entry.sha256())) {
            return new Check(entry.file(), Verdict.OK, "sha256 " + now.sha256().substring(0, 16) + "…");
        }
        return new Check(entry.file(), Verdict.UPDATED, "changed since it was hashed; now sha256 "
                + now.sha256().substring(0, 16) + "…");
    }

    private Check verifySnapshot(Path dir) {
        Entry entry = entry(dir, List.of());
        Optional<String> problem = entry.problem();
        if (problem.isEmpty()) {
            problem = rehashProblem(dir, entry.manifest().orElseThrow());
            if (problem.isEmpty()) {
                return new Check(dir, Verdict.OK, "sha256 of every file matches its manifest");
            }
        }
        Tree.delete(dir);
        return new Check(dir, Verdict.DAMAGED, problem.get() + "; removed (the next run rebuilds it)");
    }
}
