/**
 * Everything after the logits: CTC greedy decoding into a {@link dev.sensevoice.decode.Recognition}
 * (tags, clean text, timed tokens), FunASR's rich-text post-processing ({@link
 * dev.sensevoice.decode.RichText}), the {@code --tags} styles, word timings and joining segment
 * texts into a file's text. Pure Java; no ONNX Runtime types.
 */
package dev.sensevoice.decode;
