package dev.sensevoice.transcribe;

import dev.sensevoice.decode.Recognition;
import dev.sensevoice.vad.SpeechSegment;

/** One recognised segment of an input. */
public record SegmentResult(SpeechSegment segment, Recognition recognition) {
}
