package dev.sensevoice.transcribe;

import dev.sensevoice.audio.SampleSource;
import dev.sensevoice.vad.SegmentAudio;
import java.io.IOException;

/**
 * Speech segmenter stage: reads one input's audio as a stream and hands on its speech segments in
 * order (already cut at the maximum segment length and merged), as soon as each is known.
 */
@FunctionalInterface
public interface Segmentation {
    void segment(SampleSource audio, Output out) throws IOException, InterruptedException;

    /** Receives each segment; blocks while the next stage is full. */
    @FunctionalInterface
    interface Output {
        void accept(SegmentAudio segment) throws InterruptedException;
    }
}
