package dev.sensevoice.cache;

import java.util.Locale;

/**
 * What a snapshot depends on: the model file's sha256, the ONNX Runtime version that optimized it,
 * the device (the graph ORT writes holds the providers' fused nodes) and the optimization level.
 * Any change gives another key, so a stale snapshot is never found rather than ever trusted.
 */
public record SnapshotKey(String modelSha256, String ortVersion, String device, String optimization) {
    public SnapshotKey {
        if (!modelSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("model sha256 (" + modelSha256 + ") must be 64 hex digits");
        }
    }

    /** The folder name under {@code snapshots/}: readable, and different for every key. */
    public String dirName() {
        String safeDevice = device.replace(':', '-');
        return (modelSha256.substring(0, 16) + "-" + safeDevice + "-ort" + ortVersion + "-" + optimization)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.\\-]", "_");
    }
}
