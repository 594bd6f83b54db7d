package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 4 as a new user tries it: one {@code transcribe -r} over a folder of mixed recordings (every
 * rate, width and container we claim, names with spaces and non-ASCII letters, nested folders) and
 * a few broken files. Runs the real wiring with the random test model in this JVM, once for all
 * assertions (the model's text is gibberish; shapes, files and codes are what is checked).
 */
class FolderAcceptanceTest {
    private static final String MODEL = "src/test/resources/models/test-sherpa";
    private static final Pattern CUE_TIMING =
            Pattern.compile("^(\\d+:)?\\d\\d:\\d\\d[.,]\\d{3} --> (\\d+:)?\\d\\d:\\d\\d[.,]\\d{3}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    static Path in;
    static Path out;
    static final List<String> good = new ArrayList<>();
    static final List<String> broken = List.of("empty.wav", "cut download.wav", "notes.wav", "no channels.wav");
    static int exit;
    static String stdout;
    static String stderr;

    @BeforeAll
    static void transcribeTheFolder() throws IOException {
        in = root.resolve("in");
        out = root.resolve("out");
        makeFolder();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = SenseVoiceCommand.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        exit = cl.execute("transcribe", "--model", MODEL, "--device", "cpu", "--progress", "plain", "-r",
                "-f", "txt,json,srt,vtt,csv", "-o", out.toString(), "--stats", root.resolve("stats.json").toString(),
                in.toString());
        stdout = o.toString();
        stderr = e.toString();
    }

    private static void makeFolder() throws IOException {
        Path speech = Fixtures.speech(root.resolve("speech.wav"), "Hello, this is a test of the batch transcriber.");
        for (String rate : List.of("8000", "16000", "22050", "44100", "48000")) {
            add(Fixtures.sox(speech, in.resolve("rate " + rate + ".wav"), "-r", rate));
        }
        add(Fixtures.sox(speech, in.resolve("stereo.wav"), "-c", "2", "-r", "44100"));
        add(Fixtures.sox(speech, in.resolve("24-bit.wav"), "-b", "24", "-r", "48000"));
        add(Fixtures.sox(speech, in.resolve("float.wav"), "-e", "floating-point", "-b", "32"));
        add(Fixtures.sox(speech, in.resolve("sub dir/café ünïcode.flac")));
        add(Fixtures.ffmpeg(speech, in.resolve("sub dir/speech one.mp3")));
        add(Fixtures.ffmpeg(speech, in.resolve("sub dir/deeper/vorbis.ogg")));
        add(Fixtures.ffmpeg(speech, in.resolve("sub dir/deeper/日本語.m4a")));
        add(Fixtures.ffmpeg(speech, in.resolve("sub dir/deeper/voice.opus"), "-c:a", "libopus"));
        Files.write(in.resolve("empty.wav"), new byte[0]);
        Fixtures.truncated(in.resolve("rate 16000.wav"), in.resolve("cut download.wav"), 3000);
        Files.writeString(in.resolve("notes.wav"), "meeting notes, not audio\n");
        Fixtures.zeroChannelWav(in.resolve("no channels.wav"));
    }

    private static void add(Path file) {
        good.add(in.relativize(file).toString());
    }

    private static Path output(String input, String extension) {
        String name = input.substring(0, input.lastIndexOf('.')) + "." + extension;
        return out.resolve(name);
    }

    @Test
    void someFailedSoTheExitCodeIsOneAndStdoutStaysEmpty() {
        assertEquals(1, exit, stderr);
        assertEquals("", stdout);
    }

    @Test
    void everyGoodFileGetsEveryFormatAndNothingElseIsWritten() throws IOException {
        Set<Path> expected = new LinkedHashSet<>();
        for (String input : good) {
            for (String format : List.of("txt", "json", "srt", "vtt", "csv")) {
                expected.add(output(input, format));
            }
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(expected, Set.copyOf(files.filter(Files::isRegularFile).toList()), "no temp files, no outputs of broken inputs");
        }
    }

    @Test
    void eachBrokenFileIsOneClearLineNamingIt() {
        List<String> errors = stderr.lines().filter(line -> line.startsWith("sensevoice: ")).toList();
        assertEquals(broken.size(), errors.size(), stderr);
        for (String name : broken) {
            List<String> about = errors.stream().filter(line -> line.contains(in.resolve(name).toString())).toList();
            assertEquals(1, about.size(), name + " in " + errors);
            String reason = about.get(0).substring(about.get(0).indexOf(name) + name.length());
            assertFalse(reason.contains(in.toString()), "the path appears once: " + about.get(0));
        }
        assertTrue(stderr.contains("cut download.wav: truncated: the header declares "), stderr);
        assertTrue(stderr.contains("empty.wav: empty file"), stderr);
        assertTrue(stderr.contains("notes.wav: not an audio file"), stderr);
        assertTrue(stderr.contains("no channels.wav: WAV header declares zero channels"), stderr);
    }

    @Test
    void progressHasOnePlainLinePerFinishedFileAndATotal() {
        for (String input : good) {
            assertEquals(1, stderr.lines().filter(l -> l.startsWith("ok      " + in.resolve(input))).count(), input);
        }
        int inputs = good.size() + broken.size();
        assertTrue(stderr.contains(inputs + " inputs: " + good.size() + " ok, " + broken.size() + " failed, 0 skipped"),
                stderr);
        assertFalse(stderr.contains("\r"), "no bar redraws on a non-terminal");
    }

    @Test
    void statsListEveryInputWithItsStatus() throws IOException {
        JsonNode stats = JSON.readTree(root.resolve("stats.json").toFile());
        Map<String, String> status = new HashMap<>();
        stats.get("files").forEach(row -> status.put(row.get("file").asText(), row.get("status").asText()));
        assertEquals(good.size() + broken.size(), status.size());
        good.forEach(name -> assertEquals("ok", status.get(in.resolve(name).toString()), name));
        broken.forEach(name -> assertEquals("failed", status.get(in.resolve(name).toString()), name));
        stats.get("files").forEach(row -> assertEquals(row.get("status").asText().equals("failed"),
                row.get("error").isTextual(), row.toString()));
    }

    /** Design Part 2's example structure, key for key; "options" adds what --skip-existing compares. */
    @Test
    void jsonHasExactlyTheDocumentedKeysAndTimesInsideTheAudio() throws IOException {
        for (String input : good) {
            JsonNode doc = JSON.readTree(output(input, "json").toFile());
            assertKeys(doc, "file", "duration_s", "language", "text", "segments", "stats", "model", "options", "tool");
            assertKeys(doc.get("stats"), "audio_s", "latency_ms", "decode_ms", "vad_ms", "features_ms", "inference_ms",
                    "post_ms", "rtf", "rss_peak_mb", "vram_peak_mb");
            assertKeys(doc.get("model"), "name", "file", "sha256", "device");
            assertKeys(doc.get("options"), "lang", "itn", "vad", "batch_s", "tags", "max_segment_s", "merge_s",
                    "allowed_langs");
            assertKeys(doc.get("tool"), "name", "version");
            assertEquals(in.resolve(input).toString(), doc.get("file").asText());
            double duration = doc.get("duration_s").asDouble();
            assertTrue(duration > 2 && duration < 6, input + ": " + duration);
            assertFalse(doc.get("segments").isEmpty(), input + " has speech");
            double previousEnd = 0;
            for (JsonNode segment : doc.get("segments")) {
                assertKeys(segment, "start", "end", "text", "raw", "language", "emotion", "event", "itn", "tokens",
                        "words");
                segment.get("tokens").forEach(token -> assertKeys(token, "text", "start"));
                segment.get("words").forEach(word -> assertKeys(word, "text", "start", "end"));
                double start = segment.get("start").asDouble();
                double end = segment.get("end").asDouble();
                assertTrue(previousEnd <= start && start < end && end <= duration + 1e-3, input + ": " + segment);
                previousEnd = end;
            }
        }
    }

    @Test
    void csvHasTheDocumentedHeaderAndOneRowPerSegment() throws IOException {
        for (String input : good) {
            List<String> lines = Files.readAllLines(output(input, "csv"));
            assertEquals("file,start,end,language,emotion,event,text", lines.get(0));
            int segments = JSON.readTree(output(input, "json").toFile()).get("segments").size();
            assertEquals(segments, lines.size() - 1, input);
        }
    }

    @Test
    void txtIsTheJsonText() throws IOException {
        for (String input : good) {
            String text = JSON.readTree(output(input, "json").toFile()).get("text").asText();
            assertEquals(text, Files.readString(output(input, "txt")).strip(), input);
        }
    }

    /** Design Part 2: "ffmpeg's readers must read them", here on what the pipeline wrote. */
    @Test
    void ffmpegReadsEveryCueOfEverySubtitleFile() throws IOException {
        for (String input : good) {
            for (String[] kind : List.of(new String[] {"srt", "srt"}, new String[] {"vtt", "webvtt"})) {
                Path file = output(input, kind[0]);
                long written = cues(Files.readString(file));
                assertTrue(written > 0, file.toString());
                String read = Fixtures.run("ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-i", file.toString(),
                        "-f", kind[1], "-");
                assertEquals(written, cues(read), file + " read back by ffmpeg: " + read);
            }
        }
    }

    private static long cues(String text) {
        return text.lines().filter(line -> CUE_TIMING.matcher(line.strip()).matches()).count();
    }

    private static void assertKeys(JsonNode node, String... keys) {
        List<String> actual = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            actual.add(names.next());
        }
        assertEquals(List.of(keys), actual, node.toString());
    }
}
