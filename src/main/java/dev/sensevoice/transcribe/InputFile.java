package dev.sensevoice.transcribe;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One input to transcribe and where it came from on the command line, which decides where its
 * outputs go under {@code -o} (design Part 2, "Output files").
 *
 * @param path       the file to read
 * @param relativeTo the folder argument it was found under, or the fixed prefix of the glob that
 *                   matched it; {@code null} for a file argument, an {@code @list} entry or a stdin
 *                   entry, whose outputs take the file's name only
 * @param shownAs    the path as the user gave it (or as found under a given folder): the JSON
 *                   {@code file} and the {@code --stats} row name
 */
public record InputFile(Path path, Path relativeTo, String shownAs) {
    public InputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(shownAs, "shownAs");
        if (path.getFileName() == null) {
            throw new IllegalArgumentException("input has no file name: " + path);
        }
    }

    /** A file named directly (argument, @list or stdin entry): shown as given, outputs by name only. */
    public static InputFile named(Path path) {
        return new InputFile(path, null, path.toString());
    }
}
