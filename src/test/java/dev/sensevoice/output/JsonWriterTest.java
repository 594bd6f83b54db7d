package dev.sensevoice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensevoice.metrics.FileStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String json(Transcript transcript) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputFormat.JSON.writer().write(transcript, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode example() throws IOException {
        try (InputStream in = JsonWriterTest.class.getResourceAsStream("design-example.json")) {
            return MAPPER.readTree(in);
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Same keys in the same order at every level; "options" may add keys after the documented ones. */
    private static void assertSameShape(JsonNode expected, JsonNode actual, String where) {
        if (expected.isObject()) {
            List<String> want = keys(expected);
            List<String> got = keys(actual);
            if (where.endsWith("options")) {
                got = got.subList(0, Math.min(want.size(), got.size()));
            }
            assertEquals(want, got, where);
            for (String key : want) {
                assertSameShape(expected.get(key), actual.get(key), where + "." + key);
            }
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), where);
            for (int i = 0; i < expected.size(); i++) {
                assertSameShape(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
        }
    }

    @Test
    void keysAndOrderFollowTheDesignExample() throws IOException {
        JsonNode actual = MAPPER.readTree(json(Samples.transcript("meetings/2026-11-03/standup.m4a",
                List.of(Samples.designSegment()))));
        assertSameShape(example(), actual, "$");
        assertEquals(List.of("lang", "itn", "vad", "batch_s", "tags", "max_segment_s", "merge_s", "allowed_langs"),
                keys(actual.get("options")));
    }

    @Test
    void valuesHaveTheExampleForms() throws IOException {
        JsonNode expected = example();
        JsonNode actual = MAPPER.readTree(json(Samples.transcript("meetings/2026-11-03/standup.m4a",
                List.of(Samples.designSegment()))));
        for (String field : List.of("file", "duration_s", "language", "segments", "stats", "model", "tool")) {
            assertEquals(expected.get(field), actual.get(field), field);
        }
        ObjectNode options = (ObjectNode) actual.get("options").deepCopy();
        options.retain("lang", "itn", "vad", "batch_s");
        assertEquals(expected.get("options"), options);
        assertTrue(actual.get("stats").get("vram_peak_mb").isNull());
        assertTrue(actual.get("options").get("batch_s").isIntegralNumber(), "30, not 30.0");
        assertEquals("Good morning everyone.", actual.get("text").asText());
    }

    @Test
    void unmeasuredFiguresAndUndecodedTagsAreNull() throws IOException {
        TranscriptSegment bare = new TranscriptSegment(1, 2, "hi", "hi", "", null, "", false, List.of(), List.of());
        Transcript transcript = new Transcript("a.wav", 2.0, null, "hi", List.of(bare), FileStats.unmeasured(),
                Samples.MODEL, Samples.OPTIONS, ToolStamp.current());
        JsonNode actual = MAPPER.readTree(json(transcript));
        actual.get("stats").forEach(value -> assertTrue(value.isNull(), value.toString()));
        JsonNode segment = actual.get("segments").get(0);
        for (String tag : List.of("language", "emotion", "event")) {
            assertTrue(segment.get(tag).isNull(), tag);
        }
        assertTrue(actual.get("language").isNull());
    }

    @Test
    void secondsAreRoundedToTheMillisecondAndRtfToFourPlaces() throws IOException {
        TranscriptSegment segment = new TranscriptSegment(0.123456, 2.0004999, "x", "x", "en", "NEUTRAL", "Speech",
                true, List.of(), List.of());
        FileStats stats = new FileStats(2.5, 10L, null, null, null, null, null, 0.123456789, null, null);
        JsonNode actual = MAPPER.readTree(json(new Transcript("a.wav", 2.5, "en", "x", List.of(segment), stats,
                Samples.MODEL, Samples.OPTIONS, ToolStamp.current())));
        assertEquals("0.123", actual.get("segments").get(0).get("start").asText());
        assertEquals("2", actual.get("segments").get(0).get("end").asText());
        assertEquals("0.1235", actual.get("stats").get("rtf").asText());
    }

    @Test
    void eachSegmentIsOneLineAndTextSurvivesEscaping() throws IOException {
        String tricky = "He said \"ok\",\nthen 你好 \\ done";
        TranscriptSegment odd = new TranscriptSegment(5, 6, tricky, tricky, "en", "HAPPY", "Laughter", true,
                List.of(), List.of());
        String text = json(Samples.transcript("x.wav", List.of(Samples.designSegment(), odd)));
        long segmentLines = text.lines().filter(line -> line.strip().startsWith("{\"start\": ")).count();
        assertEquals(2, segmentLines, text);
        JsonNode actual = MAPPER.readTree(text);
        assertEquals(tricky, actual.get("segments").get(1).get("text").asText());
        assertTrue(text.endsWith("}\n"));
    }
}
