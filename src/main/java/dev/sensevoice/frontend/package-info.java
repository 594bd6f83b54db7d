/**
 * Waveform to model features (contract §2): Kaldi-compatible log-mel {@link dev.sensevoice.frontend.Fbank},
 * {@link dev.sensevoice.frontend.Lfr} stacking (7/6 with FunASR padding) and
 * {@link dev.sensevoice.frontend.Cmvn} (read from {@code am.mvn} or sherpa-onnx metadata strings),
 * assembled by {@link dev.sensevoice.frontend.FeatureExtractor}. Every type here is immutable and
 * thread-safe, except that {@link dev.sensevoice.frontend.Cmvn#applyInPlace} writes into the
 * features it is given.
 */
package dev.sensevoice.frontend;
