package dev.sensevoice.vad;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the Silero model file. It ships in the repository at {@value #RELATIVE_PATH} rather than
 * inside the jar, because ORT opens a model by path without a copy and the file stays visible and
 * replaceable. First match wins: an explicit path; {@code $SENSEVOICE_HOME/}{@value #RELATIVE_PATH};
 * the same relative path under the folders above the application's code (the jar in
 * {@code target/} or Maven's {@code target/classes}), which is the repository root.
 */
public final class SileroModelFile {
    public static final String RELATIVE_PATH = "models/silero-vad/silero_vad_v5.onnx";
    public static final String HOME_VARIABLE = "SENSEVOICE_HOME";
    private static final int LEVELS_UP = 3;

    private SileroModelFile() {
    }

    /** The model file; {@code explicit} (may be null) wins when given. */
    public static Path locate(Path explicit) {
        return locate(explicit, System.getenv(HOME_VARIABLE), codeLocation());
    }

    static Path locate(Path explicit, String home, Path codeLocation) {
        if (explicit != null) {
            return requireFile(explicit, List.of(explicit));
        }
        List<Path> candidates = candidates(home, codeLocation);
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return requireFile(null, candidates);
    }

    private static List<Path> candidates(String home, Path codeLocation) {
        List<Path> candidates = new ArrayList<>();
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home).resolve(RELATIVE_PATH));
        }
        Path folder = codeLocation == null ? null : codeLocation.toAbsolutePath().getParent();
        for (int level = 0; level < LEVELS_UP && folder != null; level++, folder = folder.getParent()) {
            candidates.add(folder.resolve(RELATIVE_PATH));
        }
        return candidates;
    }

    private static Path requireFile(Path file, List<Path> looked) {
        if (file != null && Files.isRegularFile(file)) {
            return file;
        }
        throw new SenseVoiceException(ExitCode.MODEL_START, "Silero VAD model not found (looked at "
                + String.join(", ", looked.stream().map(Path::toString).toList())
                + "): restore " + RELATIVE_PATH + " from the repository, set " + HOME_VARIABLE
                + " to the sensevoice folder, or use --vad energy");
    }

    /** The jar, or the classes folder, this class was loaded from; null if unknown. */
    private static Path codeLocation() {
        try {
            var source = SileroModelFile.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
