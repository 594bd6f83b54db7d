package dev.sensevoice;

/** The exit codes of every command (design.md Part 2), in one place. */
public enum ExitCode {
    OK(0, "every input done (silent inputs included)"),
    SOME_FAILED(1, "some or all inputs failed; the rest were written"),
    USAGE(2, "usage error, or no input matched"),
    MODEL_START(3, "model or runtime could not start (missing or damaged model file, --device cuda without CUDA)"),
    NOT_BUILT(4, "command or option not built yet"),
    SIGINT(130, "interrupted by SIGINT (a second signal abandons inputs in flight)"),
    SIGTERM(143, "interrupted by SIGTERM");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
