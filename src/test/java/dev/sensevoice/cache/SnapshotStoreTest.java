package dev.sensevoice.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.frontend.Features;
import dev.sensevoice.model.DeviceRequest;
import dev.sensevoice.model.ExecutionDevice;
import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.LoadPlan;
import dev.sensevoice.model.ModelFiles;
import dev.sensevoice.model.ModelOptions;
import dev.sensevoice.model.Precision;
import dev.sensevoice.model.SenseVoiceModel;
import dev.sensevoice.model.SnapshotSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots on the random-weight test model: built, trusted only while intact, rebuilt once when not. */
class SnapshotStoreTest {
    static final Path MODEL = Path.of("src/test/resources/models/test-sherpa");

    @TempDir
    Path cache;
    final List<String> warnings = new ArrayList<>();

    private SnapshotStore store(SnapshotStore.Mode mode) {
        return SnapshotStore.open(cache, mode, warnings::add);
    }

    private static ModelOptions cpu(Precision precision) {
        return ModelOptions.defaults().withDevice(DeviceRequest.parse("cpu")).withThreads(1).withPrecision(precision);
    }

    /** Logits of one fixed random batch, from the model loaded as {@code source} plans. */
    private static float[] logits(SnapshotSource source, Precision precision) {
        Random random = new Random(7);
        float[] values = new float[40 * 560];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        FeatureBatch batch = new FeatureBatch(List.of(new Features(values, 40, 560)), new int[] {0}, new int[] {14});
        try (SenseVoiceModel model = SenseVoiceModel.open(ModelFiles.locate(MODEL), cpu(precision), source, w -> { })) {
            return model.run(batch).get(0).values();
        }
    }

    private Path onlySnapshot() throws IOException {
        List<Path> dirs = Tree.children(cache.resolve("snapshots"));
        assertEquals(1, dirs.size(), "snapshot folders: " + dirs);
        return dirs.get(0);
    }

    @Test
    void warmBuildsASnapshotWithItsManifestAndTheNextStartLoadsIt() throws IOException {
        float[] original = logits(SnapshotSource.NONE, Precision.FP32);
        float[] building = logits(store(SnapshotStore.Mode.BUILD), Precision.FP32);
        Path dir = onlySnapshot();
        SnapshotManifest manifest = SnapshotManifest.read(dir.resolve(SnapshotManifest.FILE));
        Path snapshot = dir.resolve(SnapshotManifest.SNAPSHOT_FILE);

        assertEquals(HashMemo.digest(MODEL.resolve("model.onnx")), manifest.key().modelSha256());
        assertEquals(List.of("cpu", SnapshotSource.runtimeVersion(), "extended"),
                List.of(manifest.key().device(), manifest.key().ortVersion(), manifest.key().optimization()));
        Path data = dir.resolve(SnapshotManifest.DATA_FILE);
        assertEquals(HashMemo.digest(snapshot), manifest.graph().sha256());
        assertEquals(HashMemo.digest(data), manifest.data().sha256());
        assertEquals(Files.size(snapshot) + Files.size(data), manifest.size());
        assertTrue(Files.size(data) > Files.size(snapshot), "the weights went to the external data file");
        assertEquals(manifest.key().dirName(), dir.getFileName().toString());
        LoadPlan plan = store(SnapshotStore.Mode.USE).plan(MODEL.resolve("model.onnx"), ExecutionDevice.CPU);
        assertInstanceOf(LoadPlan.FromSnapshot.class, plan);
        assertArrayEquals(original, building, 1e-4f);
        assertArrayEquals(original, logits(store(SnapshotStore.Mode.USE), Precision.FP32), 1e-4f);
        assertEquals(List.of(), warnings);
    }

    @Test
    void withoutASnapshotTranscribeLoadsTheFileAndBuildsNothing() {
        LoadPlan plan = store(SnapshotStore.Mode.USE).plan(MODEL.resolve("model.int8.onnx"), ExecutionDevice.CPU);
        assertInstanceOf(LoadPlan.Original.class, plan);
        assertTrue(plan.modelSha256().isPresent());
        assertEquals(List.of(), Tree.children(cache.resolve("snapshots")));
    }

    @Test
    void aSnapshotOfAnotherSizeIsIgnoredWithOneWarningAndRebuilt() throws IOException {
        logits(store(SnapshotStore.Mode.BUILD), Precision.INT8);
        Path snapshot = onlySnapshot().resolve(SnapshotManifest.SNAPSHOT_FILE);
        Files.writeString(snapshot, "junk", StandardOpenOption.APPEND);

        float[] rebuilt = logits(store(SnapshotStore.Mode.USE), Precision.INT8);

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("size or modification time"), warnings.get(0));
        assertArrayEquals(logits(SnapshotSource.NONE, Precision.INT8), rebuilt, 1e-4f);
        assertTrue(SnapshotStore.problem(onlySnapshot(), manifestKey()).isEmpty(), "rebuilt snapshot is intact");
    }

    @Test
    void anUnreadableManifestIsIgnoredWithOneWarningAndRebuilt() throws IOException {
        logits(store(SnapshotStore.Mode.BUILD), Precision.FP32);
        Files.writeString(onlySnapshot().resolve(SnapshotManifest.FILE), "{\"model_sha256\": ");
        SnapshotStore store = store(SnapshotStore.Mode.USE);

        float[] rebuilt = logits(store, Precision.FP32);
        logits(store, Precision.FP32); // the same process again: nothing left to warn about

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("manifest is unreadable"), warnings.get(0));
        assertArrayEquals(logits(SnapshotSource.NONE, Precision.FP32), rebuilt, 1e-4f);
        assertEquals(1, store.published().size());
    }

    @Test
    void damagedWeightsAreIgnoredWithOneWarningAndRebuilt() throws IOException {
        logits(store(SnapshotStore.Mode.BUILD), Precision.FP32);
        Files.writeString(onlySnapshot().resolve(SnapshotManifest.DATA_FILE), "!", StandardOpenOption.APPEND);

        float[] rebuilt = logits(store(SnapshotStore.Mode.USE), Precision.FP32);

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(SnapshotManifest.DATA_FILE), warnings.get(0));
        assertArrayEquals(logits(SnapshotSource.NONE, Precision.FP32), rebuilt, 1e-4f);
    }

    @Test
    void aSnapshotOrtCannotLoadDespiteItsStampIsDroppedAndRebuilt() throws IOException {
        logits(store(SnapshotStore.Mode.BUILD), Precision.FP32);
        Path snapshot = onlySnapshot().resolve(SnapshotManifest.SNAPSHOT_FILE);
        FileTime mtime = Files.getLastModifiedTime(snapshot);
        Files.write(snapshot, new byte[(int) Files.size(snapshot)]); // same size, all zeros
        Files.setLastModifiedTime(snapshot, mtime);

        float[] rebuilt = logits(store(SnapshotStore.Mode.USE), Precision.FP32);

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("ONNX Runtime cannot load it"), warnings.get(0));
        assertArrayEquals(logits(SnapshotSource.NONE, Precision.FP32), rebuilt, 1e-4f);
    }

    @Test
    void aBuildOnADeviceThatCannotStartLeavesNothingBehind() {
        org.junit.jupiter.api.Assumptions.assumeFalse(dev.sensevoice.model.GpuProbe.driver().nvidiaDevicePresent(),
                "needs a machine where CUDA cannot start");
        SnapshotStore store = store(SnapshotStore.Mode.BUILD);
        ModelOptions cuda = cpu(Precision.FP32).withDevice(DeviceRequest.parse("cuda"));
        org.junit.jupiter.api.Assertions.assertThrows(dev.sensevoice.SenseVoiceException.class,
                () -> SenseVoiceModel.open(ModelFiles.locate(MODEL), cuda, store, w -> { }).close());
        assertEquals(List.of(), Tree.children(cache.resolve("snapshots")));
    }

    private SnapshotKey manifestKey() throws IOException {
        return SnapshotManifest.read(onlySnapshot().resolve(SnapshotManifest.FILE)).key();
    }
}
