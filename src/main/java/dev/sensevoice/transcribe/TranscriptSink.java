package dev.sensevoice.transcribe;

import java.io.IOException;

/** Writers stage: writes every output of a finished input (each to a temporary name, then renamed). */
public interface TranscriptSink {
    void write(FileTranscript transcript) throws IOException;

    /** For --skip-existing: true when all of the input's outputs exist and were made with the same model and options. */
    default boolean upToDate(InputFile input) {
        return false;
    }
}
