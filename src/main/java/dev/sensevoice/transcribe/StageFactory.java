package dev.sensevoice.transcribe;

/**
 * Builds the stages for a request: loads the model (a {@code SenseVoiceException} with
 * {@code MODEL_START} when it cannot) and configures segmentation, decoding and output from the
 * request's options.
 */
@FunctionalInterface
public interface StageFactory {
    Stages open(TranscriptionRequest request);
}
