package dev.sensevoice.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The file's text and a newline; an empty file for a silent input. */
final class TxtWriter implements TranscriptWriter {
    @Override
    public void write(Transcript transcript, OutputStream out) throws IOException {
        if (!transcript.text().isEmpty()) {
            out.write((transcript.text() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
