package dev.sensevoice;

/**
 * The one exception type that reaches the command line: it carries the exit code, and its
 * message is the single line the user sees (naming the file and what to do).
 */
public class SenseVoiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ExitCode exitCode;

    public SenseVoiceException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public SenseVoiceException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
