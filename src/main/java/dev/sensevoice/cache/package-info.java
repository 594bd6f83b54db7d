/**
 * Model storage and downloads (and, from the snapshot work, optimized model snapshots).
 *
 * <p>{@link dev.sensevoice.cache.ModelStore} answers which folder a model name means: a folder as
 * given, a model installed in {@code <cache>/models/<name>/}, or one bundled in the repository's
 * {@code models/}. {@link dev.sensevoice.cache.ModelManifests} reads the known models from
 * {@code models/*.json}. Installing downloads with {@link dev.sensevoice.cache.DownloadClient}
 * (resumable, with timeouts), unpacks {@code .tar.bz2} archives, checks sizes and checksums,
 * records a receipt ({@link dev.sensevoice.cache.ModelStoreReceipt}) and publishes the folder with
 * one rename, so a half-installed model is never visible. {@code ModelStoreCheck} verifies an
 * installed model. Errors are one line with exit code 3.
 */
package dev.sensevoice.cache;
