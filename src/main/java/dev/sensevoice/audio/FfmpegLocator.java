package dev.sensevoice.audio;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the ffmpeg executable; injectable so tests can simulate a machine without it. */
@FunctionalInterface
public interface FfmpegLocator {

    /** The ffmpeg executable, or empty when there is none. */
    Optional<Path> find();

    /** Looks for an executable named {@code ffmpeg} in the directories of {@code PATH}. */
    static FfmpegLocator onPath() {
        return () -> searchPath(System.getenv("PATH"));
    }

    /** A machine without ffmpeg. */
    static FfmpegLocator none() {
        return Optional::empty;
    }

    /** Always the given executable. */
    static FfmpegLocator at(Path executable) {
        return () -> Optional.of(executable);
    }

    private static Optional<Path> searchPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Optional<Path> found = executableIn(dir);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> executableIn(String dir) {
        try {
            String name = File.separatorChar == '\\' ? "ffmpeg.exe" : "ffmpeg";
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            return Files.isRegularFile(candidate) && Files.isExecutable(candidate)
                    ? Optional.of(candidate) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
