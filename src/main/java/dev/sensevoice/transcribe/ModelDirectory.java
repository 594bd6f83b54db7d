package dev.sensevoice.transcribe;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.vad.SileroModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where --model points: a folder as given, or a name under the application's {@code models/}
 * folder (the one that holds the bundled Silero VAD). Without --model: the bundled demo model,
 * until model management (the {@code model} and {@code cache} commands) exists.
 */
public final class ModelDirectory {
    static final String BUNDLED = "sensevoice-tiny-digits";

    private ModelDirectory() {
    }

    /** The model folder --model names (a folder, or a name under models/); exit 3 when none. */
    public static Path resolve(Optional<String> nameOrDir) {
        String given = nameOrDir.orElse(BUNDLED);
        Path asDir = Path.of(given);
        if (Files.isDirectory(asDir)) {
            return asDir;
        }
        Path models = SileroModelFile.locate(null).getParent().getParent();
        Path named = models.resolve(given);
        if (!given.contains("/") && Files.isDirectory(named)) {
            return named;
        }
        throw new SenseVoiceException(ExitCode.MODEL_START, "model '" + given + "' not found (no such folder, "
                + "and not in " + models + "); give --model DIR with model.onnx and tokens.txt");
    }
}
