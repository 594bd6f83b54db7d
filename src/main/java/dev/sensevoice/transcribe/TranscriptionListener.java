package dev.sensevoice.transcribe;

/**
 * Progress of a run, for a console reporter or a log. Called from pipeline threads, possibly at
 * the same time: implementations must be thread-safe and quick. A service never prints; this is how
 * it speaks.
 */
public interface TranscriptionListener {
    TranscriptionListener NONE = new TranscriptionListener() { };

    /** Before anything runs: how many inputs there are. */
    default void runStarted(int inputs) {
    }

    default void fileStarted(InputFile input) {
    }

    /** A segment of {@code seconds} of speech was recognised. */
    default void audioRecognized(InputFile input, double seconds) {
    }

    /** An input's outputs were written. */
    default void fileFinished(FileTranscript transcript) {
    }

    /** An input failed; {@code outcome.error()} names what and what to do. */
    default void fileFailed(FileOutcome outcome) {
    }

    /** --skip-existing found the input's outputs up to date. */
    default void fileSkipped(FileOutcome outcome) {
    }
}
