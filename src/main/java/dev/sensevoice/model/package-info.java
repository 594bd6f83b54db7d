/**
 * Model files and flavours, metadata, tokens, devices and the one ONNX Runtime session (contract §1, §3).
 *
 * <p>{@link dev.sensevoice.model.ModelFiles} finds a directory's files and tells the sherpa-onnx
 * export from the FunASR one by the ONNX inputs, read by {@code OnnxHeader} straight from the
 * protobuf (no session, so cheap on a 900 MB file). {@link dev.sensevoice.model.ModelMetadata}
 * comes from the sherpa metadata or from am.mvn. {@link dev.sensevoice.model.SenseVoiceModel}
 * owns the session: it resolves the device request (CUDA only when the driver shows a GPU,
 * falling back to CPU with one warning), pads batches and returns each item's valid frames.
 * Every failure to start is a {@code SenseVoiceException} with exit code 3 and one line.
 */
package dev.sensevoice.model;
