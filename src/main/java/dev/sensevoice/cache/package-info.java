/**
 * The cache under {@link dev.sensevoice.cache.CacheRoot}: optimized model snapshots and the hash memo.
 *
 * <p>A snapshot is ONNX Runtime's optimized graph of one model file (EXTENDED level), its weights
 * in an external data file that ORT maps on load, kept under {@code snapshots/<key>/} with a manifest; the key is the model's sha256, the ORT version, the
 * device and the level. {@link dev.sensevoice.cache.SnapshotStore} is the model's
 * {@code SnapshotSource}: it trusts a snapshot only while its manifest, size and mtime match, and
 * otherwise warns once and rebuilds. {@link dev.sensevoice.cache.HashMemo} remembers file hashes by
 * (path, size, mtime) so a 900 MB model is not read at every start.
 * {@link dev.sensevoice.cache.SnapshotCatalog} lists, re-checks and clears for {@code sensevoice cache}.
 */
package dev.sensevoice.cache;
