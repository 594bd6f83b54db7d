package dev.sensevoice.transcribe;

import dev.sensevoice.decode.Recognition;
import dev.sensevoice.model.BestPath;
import dev.sensevoice.vad.SpeechSegment;

/**
 * Post stage: one segment's best path to its recognition result (tags, text in the requested tag
 * style, tokens with times shifted by the segment's start). Called from several threads.
 */
@FunctionalInterface
public interface SegmentDecoder {
    Recognition decode(BestPath best, SpeechSegment segment);
}
