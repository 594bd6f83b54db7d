package dev.sensevoice.transcribe;

import dev.sensevoice.frontend.Features;
import dev.sensevoice.model.BestPath;
import dev.sensevoice.vad.SegmentAudio;
import dev.sensevoice.vad.SpeechSegment;

/** The values that cross the stages of one run; each carries its input and its place in it. */
final class Items {
    private Items() {
    }

    /** A segment of decoded audio, the {@code index}-th of its input. */
    record SegmentJob(FileTask file, int index, SegmentAudio audio) {
        /** Its weight in the segments queue: seconds of audio. */
        double seconds() {
            return audio.samples().length / (double) SpeechSegment.SAMPLE_RATE;
        }
    }

    /** A segment's features, ready for the batcher. */
    record FeaturedSegment(FileTask file, int index, SpeechSegment segment, Features features) {
        /** The batcher's length: seconds of audio. */
        double seconds() {
            return segment.length() / (double) SpeechSegment.SAMPLE_RATE;
        }
    }

    /** A segment's best path, back from inference. */
    record RecognizedSegment(FeaturedSegment item, BestPath best) {
    }
}
