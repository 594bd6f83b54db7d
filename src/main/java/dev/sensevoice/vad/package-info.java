/**
 * Voice activity detection and segmentation: finds the speech in one input's 16 kHz mono audio
 * and cuts it into segments for recognition, as a stream.
 *
 * <p>Entry point: {@link dev.sensevoice.vad.SpeechSegmenter} configured by a validated
 * {@link dev.sensevoice.vad.SegmenterConfig}; it reads a {@code SampleSource} and hands each
 * finished {@link dev.sensevoice.vad.SegmentAudio} to a consumer at once. Per input:
 * <ol>
 *   <li>a detector scores each 512-sample frame: Silero VAD v5 (one shared
 *       {@link dev.sensevoice.vad.SileroModel}, per-input state), or frame energy over a noise
 *       floor taken from the quietest frame within 3 s either side (so it looks 3 s ahead);
 *       {@code none} treats every frame as speech and uses energy only to place cuts;</li>
 *   <li>{@code SpeechTracker} applies Silero's {@code get_speech_timestamps} rules (threshold,
 *       0.15 hysteresis, min speech, min silence, padding) frame by frame and splits a segment
 *       that would exceed {@code max-segment-s} at its quietest frame;</li>
 *   <li>{@code SegmentMerger} joins neighbours up to {@code merge-s} (FunASR's {@code merge_vad},
 *       but starting at the first speech and without silence-only pieces);</li>
 *   <li>{@code SampleRing} keeps only the samples a segment may still need, so memory is bounded
 *       by {@code max-segment-s}, never by the input's length.</li>
 * </ol>
 * The Silero model file is found on disk by {@link dev.sensevoice.vad.SileroModelFile}. Only this
 * package and {@code model} use ONNX Runtime.
 */
package dev.sensevoice.vad;
