package dev.sensevoice.model;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where optimized copies of model files are kept ({@code cache.SnapshotStore}). The model asks it
 * how to load a file on a device and tells it how that went; only {@code model} touches ONNX
 * Runtime, so ORT writes the snapshot here while keys, manifests and checks belong to the source.
 */
public interface SnapshotSource {
    /** The graph optimization level snapshots are saved at (ALL writes hardware-specific nodes). */
    String OPTIMIZATION = "extended";

    /** No snapshots: every file is loaded as it is. */
    SnapshotSource NONE = new SnapshotSource() {
        @Override
        public LoadPlan plan(Path modelFile, ExecutionDevice device) {
            return new LoadPlan.Original(modelFile, java.util.Optional.empty());
        }

        @Override
        public void started(LoadPlan plan, Duration took) {
        }

        @Override
        public void rejected(LoadPlan.FromSnapshot plan, String reason) {
        }
    };

    /** How to load {@code modelFile} for {@code device}. */
    LoadPlan plan(Path modelFile, ExecutionDevice device);

    /** The session of {@code plan} started in {@code took}; a {@link LoadPlan.Build} is now on disk to publish. */
    void started(LoadPlan plan, Duration took);

    /** The session of {@code plan} did not start (a failed device, a broken file): drop what it began writing. */
    default void failed(LoadPlan plan) {
    }

    /** ORT could not load the snapshot of {@code plan}: drop it (the next {@link #plan} rebuilds it). */
    void rejected(LoadPlan.FromSnapshot plan, String reason);

    /** The ONNX Runtime version snapshots are made with (part of their key). */
    static String runtimeVersion() {
        return ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion();
    }
}
