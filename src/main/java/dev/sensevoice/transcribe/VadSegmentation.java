package dev.sensevoice.transcribe;

import dev.sensevoice.audio.SampleSource;
import dev.sensevoice.vad.SegmentAudio;
import dev.sensevoice.vad.SpeechSegmenter;
import java.io.IOException;

/**
 * The {@link Segmentation} over the real {@link SpeechSegmenter}. Its callback cannot throw
 * {@link InterruptedException}, so a cancelled hand-off travels through it unchecked and is turned
 * back into an interrupt here.
 */
public final class VadSegmentation implements Segmentation {
    private final SpeechSegmenter segmenter;

    public VadSegmentation(SpeechSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public void segment(SampleSource audio, Output out) throws IOException, InterruptedException {
        try {
            segmenter.segment(audio, segment -> handOn(out, segment));
        } catch (Cancelled e) {
            throw e.cause;
        }
    }

    private static void handOn(Output out, SegmentAudio segment) {
        try {
            out.accept(segment);
        } catch (InterruptedException e) {
            throw new Cancelled(e);
        }
    }

    /** Carries an {@link InterruptedException} through the segmenter's plain callback. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient InterruptedException cause;

        Cancelled(InterruptedException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
