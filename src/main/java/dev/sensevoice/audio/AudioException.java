package dev.sensevoice.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Why one input could not be decoded. The message is a single line, {@code "<file>: <reason>"},
 * so the pipeline can record it and move on to the next input.
 */
public final class AudioException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String reason;

    public AudioException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public AudioException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The input that failed. */
    public Path file() {
        return file;
    }

    /** The reason alone, without the file name (for a stats column). */
    public String reason() {
        return reason;
    }
}
