package dev.sensevoice.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** One row per segment: {@code file,start,end,language,emotion,event,text} (design Part 2). */
final class CsvWriter implements TranscriptWriter {
    static final List<String> COLUMNS = List.of("file", "start", "end", "language", "emotion", "event", "text");

    @Override
    public void write(Transcript transcript, OutputStream out) throws IOException {
        try (SequenceWriter rows = CsvTable.open(COLUMNS, out)) {
            for (TranscriptSegment s : transcript.segments()) {
                rows.write(CsvTable.cells(transcript.file(),
                        Decimals.text(s.start(), Decimals.SECONDS), Decimals.text(s.end(), Decimals.SECONDS),
                        s.language(), s.emotion(), s.event(), s.text()));
            }
        }
    }
}
