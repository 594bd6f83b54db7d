package dev.sensevoice.model;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.util.List;

/**
 * The one SenseVoice model of a process: its ONNX Runtime session on one device, the metadata and
 * the vocabulary. {@link #run} is safe to call from several threads at once.
 *
 * <p>SKELETON: the signatures other packages build against; the model helper implements them.
 */
public final class SenseVoiceModel implements AutoCloseable {
    private SenseVoiceModel() {
    }

    /** Runs one batch; returns each item's logits over its valid frames only (x_length + 4). */
    public List<Logits> run(FeatureBatch batch) {
        throw new SenseVoiceException(ExitCode.NOT_BUILT, "model not built yet");
    }

    public ModelMetadata metadata() {
        throw new SenseVoiceException(ExitCode.NOT_BUILT, "model not built yet");
    }

    public Tokens tokens() {
        throw new SenseVoiceException(ExitCode.NOT_BUILT, "model not built yet");
    }

    /** True for dynamically quantized (int8) files: their scale spans the batch, so one segment per run. */
    public boolean quantized() {
        throw new SenseVoiceException(ExitCode.NOT_BUILT, "model not built yet");
    }

    @Override
    public void close() {
    }
}
