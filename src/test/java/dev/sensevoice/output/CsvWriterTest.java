package dev.sensevoice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    static String csv(Transcript transcript) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputFormat.CSV.writer().write(transcript, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv)) {
            return rows.readAll();
        }
    }

    private static TranscriptSegment said(double start, String text) {
        return new TranscriptSegment(start, start + 1, text, text, "en", "NEUTRAL", "Speech", true, List.of(), List.of());
    }

    @Test
    void oneRowPerSegmentUnderTheDocumentedHeader() throws IOException {
        List<List<String>> rows = parse(csv(Samples.transcript("talks/a.wav",
                List.of(said(0.5, "first"), said(2.25, "second")))));
        assertEquals(List.of("file", "start", "end", "language", "emotion", "event", "text"), rows.get(0));
        assertEquals(List.of("talks/a.wav", "0.5", "1.5", "en", "NEUTRAL", "Speech", "first"), rows.get(1));
        assertEquals(List.of("talks/a.wav", "2.25", "3.25", "en", "NEUTRAL", "Speech", "second"), rows.get(2));
        assertEquals(3, rows.size());
    }

    @Test
    void commasQuotesLineBreaksAndNonAsciiRoundTrip() throws IOException {
        List<String> texts = List.of("one, two", "she said \"hi\"", "line one\nline two", "crlf\r\nend",
                "你好，世界。", "emoji 😊 and café", " leading and trailing ");
        List<TranscriptSegment> segments = texts.stream().map(text -> said(1, text)).toList();
        String written = csv(Samples.transcript("dir, with comma/\"q\".wav", segments));
        List<List<String>> rows = parse(written);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i), rows.get(i + 1).get(6));
            assertEquals("dir, with comma/\"q\".wav", rows.get(i + 1).get(0));
        }
        assertTrue(written.contains("\"she said \"\"hi\"\"\""), written);
        assertTrue(written.contains(",你好，世界。\n"), "plain cells stay unquoted: " + written);
    }

    @Test
    void silentInputHasTheHeaderOnly() throws IOException {
        assertEquals("file,start,end,language,emotion,event,text\n", csv(Samples.transcript("quiet.wav", List.of())));
    }

    @Test
    void undecodedTagsAreEmptyCells() throws IOException {
        TranscriptSegment bare = new TranscriptSegment(0, 1, "x", "x", null, null, null, false, List.of(), List.of());
        assertEquals(List.of("q.wav", "0", "1", "", "", "", "x"), parse(csv(Samples.transcript("q.wav", List.of(bare)))).get(1));
    }
}
