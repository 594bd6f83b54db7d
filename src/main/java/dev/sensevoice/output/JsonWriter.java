package dev.sensevoice.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.sensevoice.decode.TimedToken;
import dev.sensevoice.decode.Word;
import dev.sensevoice.metrics.FileStats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;

/**
 * The JSON transcript with exactly the keys, order and value forms of design Part 2: one key per
 * line at the top, each segment and each nested object on one line, tag values bare (an
 * undecoded tag is null), seconds to the millisecond, rtf to 4 places, unmeasured figures null.
 */
final class JsonWriter implements TranscriptWriter {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(Transcript t, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(topLevel());
            g.writeStartObject();
            g.writeStringField("file", t.file());
            seconds(g, "duration_s", t.durationS());
            g.writeStringField("language", t.language());
            g.writeStringField("text", t.text());
            g.writeArrayFieldStart("segments");
            for (TranscriptSegment segment : t.segments()) {
                g.writeRawValue(oneLine(inner -> segment(inner, segment)));
            }
            g.writeEndArray();
            g.writeFieldName("stats");
            g.writeRawValue(oneLine(inner -> stats(inner, t.stats())));
            writeStamp(g, t.model(), t.options());
            g.writeFieldName("tool");
            g.writeRawValue(oneLine(inner -> tool(inner, t.tool())));
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The {@code --skip-existing} record written when no JSON transcript is: its model and options. */
    static void writeSidecar(ModelStamp model, TranscriptOptions options, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(topLevel());
            g.writeStartObject();
            writeStamp(g, model, options);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The "model" and "options" fields, also the whole content of a {@code --skip-existing} sidecar. */
    static void writeStamp(JsonGenerator g, ModelStamp model, TranscriptOptions options) throws IOException {
        g.writeFieldName("model");
        g.writeRawValue(oneLine(inner -> model(inner, model)));
        g.writeFieldName("options");
        g.writeRawValue(optionsJson(options));
    }

    /** The "options" object alone, as written. */
    static String optionsJson(TranscriptOptions options) throws IOException {
        return oneLine(inner -> options(inner, options));
    }

    private static void segment(JsonGenerator g, TranscriptSegment s) throws IOException {
        g.writeStartObject();
        seconds(g, "start", s.start());
        seconds(g, "end", s.end());
        g.writeStringField("text", s.text());
        g.writeStringField("raw", s.raw());
        tag(g, "language", s.language());
        tag(g, "emotion", s.emotion());
        tag(g, "event", s.event());
        g.writeBooleanField("itn", s.itn());
        g.writeArrayFieldStart("tokens");
        for (TimedToken token : s.tokens()) {
            g.writeStartObject();
            g.writeStringField("text", token.text());
            seconds(g, "start", token.start());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("words");
        for (Word word : s.words()) {
            g.writeStartObject();
            g.writeStringField("text", word.text());
            seconds(g, "start", word.start());
            seconds(g, "end", word.end());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void stats(JsonGenerator g, FileStats s) throws IOException {
        g.writeStartObject();
        seconds(g, "audio_s", s.audioS());
        whole(g, "latency_ms", s.latencyMs());
        whole(g, "decode_ms", s.decodeMs());
        whole(g, "vad_ms", s.vadMs());
        whole(g, "features_ms", s.featuresMs());
        whole(g, "inference_ms", s.inferenceMs());
        whole(g, "post_ms", s.postMs());
        g.writeNumberField("rtf", Decimals.round(s.rtf(), Decimals.RATIO));
        whole(g, "rss_peak_mb", s.rssPeakMb());
        whole(g, "vram_peak_mb", s.vramPeakMb());
        g.writeEndObject();
    }

    private static void model(JsonGenerator g, ModelStamp m) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", m.name());
        g.writeStringField("file", m.file());
        g.writeStringField("sha256", m.sha256());
        g.writeStringField("device", m.device());
        g.writeEndObject();
    }

    private static void options(JsonGenerator g, TranscriptOptions o) throws IOException {
        g.writeStartObject();
        g.writeStringField("lang", o.lang());
        g.writeBooleanField("itn", o.itn());
        g.writeStringField("vad", o.vad());
        seconds(g, "batch_s", o.batchS());
        g.writeStringField("tags", o.tags());
        seconds(g, "max_segment_s", o.maxSegmentS());
        seconds(g, "merge_s", o.mergeS());
        g.writeArrayFieldStart("allowed_langs");
        for (String lang : o.allowedLangs()) {
            g.writeString(lang);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void tool(JsonGenerator g, ToolStamp tool) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", tool.name());
        g.writeStringField("version", tool.version());
        g.writeEndObject();
    }

    static void seconds(JsonGenerator g, String name, Double value) throws IOException {
        g.writeNumberField(name, Decimals.round(value, Decimals.SECONDS));
    }

    private static void whole(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.longValue());
        }
    }

    private static void tag(JsonGenerator g, String name, String value) throws IOException {
        g.writeStringField(name, value == null || value.isEmpty() ? null : value);
    }

    /** Top level: two-space indent, one key per line, each array element on its own line. */
    private static DefaultPrettyPrinter topLevel() {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indent);
        printer.indentArraysWith(indent);
        return printer;
    }

    private static String oneLine(Body body) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.setPrettyPrinter(new OneLine());
            body.write(g);
        }
        return text.toString();
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** {"a": 1, "b": [2, 3]}: one line, a space after each colon and comma, like the design's example. */
    private static final class OneLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
