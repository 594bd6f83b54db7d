package dev.sensevoice.vad;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;

import java.nio.file.Path;
import java.util.Set;

/**
 * The Silero VAD v5 network: one ORT session per process, shared by every stream (ORT's
 * {@code run} is thread-safe; each stream keeps its own recurrent state in {@link SileroVad}).
 * Close it only after every stream using it has finished.
 */
public final class SileroModel implements AutoCloseable {
    private static final Set<String> INPUTS = Set.of("input", "state", "sr");

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Path file;

    private SileroModel(OrtEnvironment environment, OrtSession session, Path file) {
        this.environment = environment;
        this.session = session;
        this.file = file;
    }

    /** Opens the model found by {@link SileroModelFile#locate}; {@code explicit} may be null. */
    public static SileroModel open(Path explicit) {
        Path file = SileroModelFile.locate(explicit);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // A tiny network run 31 times per second of audio: threads would cost more than they save.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(file.toString(), options);
            requireV5(session, file);
            return new SileroModel(environment, session, file);
        } catch (OrtException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START, "Silero VAD model " + file
                    + " could not be loaded (" + e.getMessage() + "): restore it from the repository", e);
        }
    }

    public Path file() {
        return file;
    }

    OrtEnvironment environment() {
        return environment;
    }

    OrtSession session() {
        return session;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing at shutdown: nothing useful to do with the failure.
        }
    }

    private static void requireV5(OrtSession session, Path file) throws OrtException {
        if (!session.getInputNames().equals(INPUTS)) {
            session.close();
            throw new SenseVoiceException(ExitCode.MODEL_START, "Silero VAD model " + file + " has inputs "
                    + session.getInputNames() + ", not Silero v5's " + INPUTS + ": use silero_vad_v5.onnx");
        }
    }
}
