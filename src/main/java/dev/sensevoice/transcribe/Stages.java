package dev.sensevoice.transcribe;

/**
 * The stages one run uses, built for one request (see {@link StageFactory}). Closing it closes the
 * recognizer (the model session); {@link BatchTranscriber} does that only after its workers joined.
 */
public record Stages(
        AudioOpener audio,
        Segmentation segmentation,
        FeatureExtraction features,
        Recognizer recognizer,
        SegmentDecoder decoder,
        TextJoin text,
        TranscriptSink sink) implements AutoCloseable {

    @Override
    public void close() {
        recognizer.close();
    }
}
