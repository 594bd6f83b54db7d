package dev.sensevoice.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/**
 * One stream's view of the shared {@link SileroModel}: its recurrent state (2, 1, 128) and the
 * last 64 samples of the previous window, prepended to each 512-sample frame as upstream's
 * {@code OnnxWrapper} does (zeros before the first frame).
 */
final class SileroVad implements VoiceActivityDetector {
    static final int CONTEXT_SAMPLES = 64;
    private static final long[] INPUT_SHAPE = {1, CONTEXT_SAMPLES + FRAME_SAMPLES};
    private static final long[] STATE_SHAPE = {2, 1, 128};
    private static final long[] SCALAR = {};

    private final SileroModel model;
    private final float[] window = new float[CONTEXT_SAMPLES + FRAME_SAMPLES];
    private final float[] state = new float[2 * 128];

    SileroVad(SileroModel model) {
        this.model = model;
    }

    @Override
    public float speechProbability(float[] frame) {
        System.arraycopy(frame, 0, window, CONTEXT_SAMPLES, FRAME_SAMPLES);
        float probability = run();
        System.arraycopy(window, FRAME_SAMPLES, window, 0, CONTEXT_SAMPLES);
        return probability;
    }

    private float run() {
        var env = model.environment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(window), INPUT_SHAPE);
             OnnxTensor stateIn = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), STATE_SHAPE);
             OnnxTensor rate = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {SpeechSegment.SAMPLE_RATE}), SCALAR);
             OrtSession.Result result = model.session().run(Map.of("input", input, "state", stateIn, "sr", rate))) {
            ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer().get(state);
            return ((OnnxTensor) result.get("output").orElseThrow()).getFloatBuffer().get(0);
        } catch (OrtException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START,
                    "Silero VAD model " + model.file() + " failed to run (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        // The state lives on the Java heap; the shared session belongs to SileroModel.
    }
}
