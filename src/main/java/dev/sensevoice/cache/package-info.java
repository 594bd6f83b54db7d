/**
 * Model storage and downloads.
 *
 * <p>{@link dev.sensevoice.cache.ModelStore} answers which folder a model name means: a folder as
 * given, a model installed in {@code <cache>/models/<name>/}, or one bundled in the repository's
 * {@code models/}. {@link dev.sensevoice.cache.ModelManifests} reads the known models from
 * {@code models/*.json}. Installing downloads with {@link dev.sensevoice.cache.DownloadClient}
 * (resumable, with timeouts), unpacks {@code .tar.bz2} archives, checks sizes and checksums,
 * records a receipt ({@link dev.sensevoice.cache.ModelStoreReceipt}) and publishes the folder with
 * one rename, so a half-installed model is never visible. {@code ModelStoreCheck} verifies an
 * installed model. Errors are one line with exit code 3.
 *
 * <p>Under {@link dev.sensevoice.cache.CacheRoot} it also keeps optimized model snapshots and the hash memo.
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
