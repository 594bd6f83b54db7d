package dev.sensevoice.transcribe;

import java.io.IOException;

/** Writers stage: writes every output of a finished input (each to a temporary name, then renamed). */
public interface TranscriptSink {
    void write(FileTranscript transcript) throws IOException;

    /** For --skip-existing: true when all of the input's outputs exist and were made with the same model and options. */
    default boolean upToDate(InputFile input) {
        return false;
    }

    /**
     * The same sink for another set of inputs (--watch runs each arrival as its own request):
     * output names are planned from a request's inputs. Sinks without a plan return themselves.
     */
    default TranscriptSink forInputs(TranscriptionRequest request) {
        return this;
    }
}
