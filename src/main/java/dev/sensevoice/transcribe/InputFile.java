package dev.sensevoice.transcribe;

import java.nio.file.Path;

/**
 * One input to transcribe: where it is, the folder its output path is taken relative to (under
 * {@code -o}), and how it is shown to the user (as given, or as found under a given folder).
 */
public record InputFile(Path path, Path relativeTo, String shownAs) {
}
