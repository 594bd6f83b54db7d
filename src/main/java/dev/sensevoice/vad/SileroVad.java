package dev.sensevoice.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    // Direct buffers: ORT reads them in place, so each run copies nothing on the way in.
    private final FloatBuffer window = direct(CONTEXT_SAMPLES + FRAME_SAMPLES);
    private final FloatBuffer state = direct(2 * 128);
    private final OnnxTensor rate;

    SileroVad(SileroModel model) {
        this.model = model;
        this.rate = tensor(() -> OnnxTensor.createTensor(model.environment(),
                LongBuffer.wrap(new long[] {SpeechSegment.SAMPLE_RATE}), SCALAR));
    }

    @Override
    public int delayFrames() {
        return 0;
    }

    @Override
    public void accept(float[] frame, Probabilities out) {
        out.take(speechProbability(frame));
    }

    @Override
    public void finish(Probabilities out) {
        // Nothing owed: every frame is scored as it comes.
    }

    /** The speech probability of the next frame. */
    float speechProbability(float[] frame) {
        window.put(CONTEXT_SAMPLES, frame, 0, FRAME_SAMPLES);
        float probability = run();
        window.put(0, window, FRAME_SAMPLES, CONTEXT_SAMPLES);
        return probability;
    }

    private float run() {
        var env = model.environment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, window, INPUT_SHAPE);
             OnnxTensor stateIn = OnnxTensor.createTensor(env, state, STATE_SHAPE);
             OrtSession.Result result = model.session().run(Map.of("input", input, "state", stateIn, "sr", rate))) {
            state.put(0, ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer(), 0, state.capacity());
            return ((OnnxTensor) result.get("output").orElseThrow()).getFloatBuffer().get(0);
        } catch (OrtException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        rate.close();
    }

    private interface TensorMaker {
        OnnxTensor make() throws OrtException;
    }

    private OnnxTensor tensor(TensorMaker maker) {
        try {
            return maker.make();
        } catch (OrtException e) {
            throw failure(e);
        }
    }

    private SenseVoiceException failure(OrtException e) {
        return new SenseVoiceException(ExitCode.MODEL_START,
                "Silero VAD model " + model.file() + " failed to run (" + e.getMessage() + ")", e);
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
