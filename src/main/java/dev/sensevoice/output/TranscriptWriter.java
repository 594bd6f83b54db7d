package dev.sensevoice.output;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one transcript in one format, as UTF-8. Stateless and safe to share between threads. */
public sealed interface TranscriptWriter permits TxtWriter, JsonWriter, CsvWriter, SrtWriter, VttWriter {

    /** Writes the whole output to {@code out}; leaves closing {@code out} to the caller. */
    void write(Transcript transcript, OutputStream out) throws IOException;
}
