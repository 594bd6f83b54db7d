package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.audio.SampleSource;
import dev.sensevoice.cache.TestModelFiles;
import dev.sensevoice.cache.TestServer;
import dev.sensevoice.decode.Recognition;
import dev.sensevoice.frontend.Features;
import dev.sensevoice.metrics.MemoryProbe;
import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.BestPath;
import dev.sensevoice.model.Logits;
import dev.sensevoice.transcribe.Cancellation;
import dev.sensevoice.transcribe.FileTranscript;
import dev.sensevoice.transcribe.InputFile;
import dev.sensevoice.transcribe.SenseVoiceStages;
import dev.sensevoice.transcribe.StageFactory;
import dev.sensevoice.transcribe.StubRecognizer;
import dev.sensevoice.transcribe.Stages;
import dev.sensevoice.transcribe.TranscriptSink;
import dev.sensevoice.transcribe.TranscriptionRequest;
import dev.sensevoice.transcribe.TranscriptionSummary;
import dev.sensevoice.vad.SegmentAudio;
import dev.sensevoice.vad.SpeechSegment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TranscribeCommandTest {
    @TempDir
    Path dir;
    final FakeWiring wiring = new FakeWiring();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws IOException {
        for (String name : List.of("a.wav", "b.wav", "sub/c.flac")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), name);
        }
    }

    private int run(String... args) {
        CommandLine cl = SenseVoiceCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == TranscribeCommand.class ? cls.cast(new TranscribeCommand(wiring))
                        : CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("transcribe"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void helpListsEveryOptionAndTheExitCodes() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        for (String option : List.of("--model", "--device", "--threads", "--lang", "--allowed-langs", "--[no-]itn",
                "--tags", "--vad", "--vad-threshold", "--min-speech-ms", "--min-silence-ms", "--speech-pad-ms",
                "--max-segment-s", "--merge-s", "--batch-s", "--format", "--output-dir", "--recursive",
                "--skip-existing", "--overwrite", "--stats", "--shard", "--progress", "--quiet", "--stdout",
                "--dry-run", "SENSEVOICE_MODEL", "SENSEVOICE_DEVICE")) {
            assertTrue(help.contains(option), "help mentions " + option);
        }
        assertTrue(help.contains("Exit codes:"));
        assertTrue(help.contains("130") && help.contains("143") && help.contains("no input matched"));
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        List<List<String>> cases = List.of(
                List.of("--frobnicate", "a.wav"),
                List.of("--batch-s", "0", "a.wav"),
                List.of("--tags", "bold", "a.wav"),
                List.of("--max-segment-s", "700", "a.wav"),
                List.of("-f", "txt,docx", "a.wav"),
                List.of("--skip-existing", "--overwrite", "a.wav"),
                List.of("--stats", "stats.txt", "a.wav"),
                List.of("--shard", "5/4", "a.wav"),
                List.of("--shard", "auto/4", "a.wav"),
                List.of("--lang", "en", "--allowed-langs", "zh", "a.wav"),
                List.of("--device", "tpu", "a.wav"),
                List.of("empty-folder-glob/*.wav"),
                List.of());
        for (List<String> args : cases) {
            err.getBuffer().setLength(0);
            assertEquals(2, run(args.toArray(String[]::new)), args.toString());
            String[] lines = err.toString().split("\n");
            assertEquals(1, lines.length, args + " -> " + err);
            assertTrue(lines[0].startsWith("sensevoice: "), lines[0]);
        }
        assertEquals("", out.toString());
        assertEquals(0, wiring.opened.size(), "no run started");
    }

    @Test
    void dryRunListsInputsAndOutputsWithoutStartingTheModel() {
        assertEquals(0, run("--dry-run", "-r", "-f", "json,srt", ".", "missing.wav"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(List.of(
                "./a.wav -> " + dir.resolve("a.json") + ", " + dir.resolve("a.srt"),
                "./b.wav -> " + dir.resolve("b.json") + ", " + dir.resolve("b.srt"),
                "./sub/c.flac -> " + dir.resolve("sub/c.json") + ", " + dir.resolve("sub/c.srt"),
                "missing.wav -> " + dir.resolve("missing.json") + ", " + dir.resolve("missing.srt") + "  (not found)"),
                lines);
        assertEquals(0, wiring.opened.size());
    }

    @Test
    void allOkExitsZeroAndStdoutStaysEmptyWithoutTheFlag() {
        assertEquals(0, run("--progress", "plain", "a.wav", "b.wav"));
        assertEquals(Set.of("a.wav", "b.wav"), wiring.written);
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("ok      a.wav"), err.toString());
        assertTrue(err.toString().contains("2 inputs: 2 ok, 0 failed, 0 skipped"), err.toString());
    }

    @Test
    void stdoutGetsEachTranscriptsTextAndQuietHidesProgress() {
        assertEquals(0, run("-q", "--stdout", "a.wav", "sub"));
        assertEquals(List.of("hello", "hello"), out.toString().lines().toList());
        assertEquals("", err.toString());
    }

    @Test
    void aFailedInputExitsOneNamedOnStderrEvenWhenQuiet() {
        wiring.failWrite.add("b.wav");
        assertEquals(1, run("-q", "a.wav", "b.wav", "nope.wav"));
        List<String> lines = err.toString().lines().sorted().toList();
        assertEquals(2, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("sensevoice: b.wav: cannot write outputs"), lines.get(0));
        assertEquals("sensevoice: nope.wav: not found; check the path", lines.get(1));
        assertEquals(Set.of("a.wav"), wiring.written);
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsDefaults() {
        wiring.env.put("SENSEVOICE_DEVICE", "cpu");
        wiring.env.put("SENSEVOICE_MODEL", "/models/x");
        assertEquals(0, run("-q", "a.wav"));
        assertEquals("cpu", wiring.request.model().device());
        assertEquals(Optional.of("/models/x"), wiring.request.model().name());
        assertEquals(0, run("-q", "--device", "cuda:1", "--model", "small", "a.wav"));
        assertEquals("cuda:1", wiring.request.model().device());
        assertEquals(Optional.of("small"), wiring.request.model().name());
        wiring.env.clear();
        assertEquals(0, run("-q", "--batch-s", "12.5", "--no-itn", "--allowed-langs", "zh,en", "a.wav"));
        TranscriptionRequest r = wiring.request;
        assertEquals("auto", r.model().device());
        assertEquals(12.5, r.parallelism().batchS());
        assertFalse(r.recognition().itn());
        assertEquals(Set.of("zh", "en"), r.recognition().allowedLanguages());
        assertEquals(dev.sensevoice.vad.SegmenterConfig.defaults(), r.segmentation(), "help defaults = vad's defaults");
    }

    @Test
    void shardAutoReadsTheJobIndex() {
        wiring.env.put("JOB_COMPLETION_INDEX", "0");
        assertEquals(0, run("-q", "--shard", "auto/1", "a.wav", "b.wav"));
        assertEquals(2, wiring.request.selected().size());
    }

    @Test
    void shardsOfADryRunAreDisjointAndCoverEveryInput() throws IOException {
        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve("sub/r" + i + ".wav"), "x");
        }
        List<String> all = dryRunLines("-r", ".");
        List<String> union = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            union.addAll(dryRunLines("-r", "--shard", i + "/3", "."));
        }
        assertEquals(all.size(), union.size(), "disjoint");
        assertEquals(all.stream().sorted().toList(), union.stream().sorted().toList(), "covering");
    }

    private List<String> dryRunLines(String... args) {
        out.getBuffer().setLength(0);
        List<String> all = new ArrayList<>(List.of("--dry-run"));
        all.addAll(List.of(args));
        assertEquals(0, run(all.toArray(String[]::new)));
        return out.toString().lines().toList();
    }

    @Test
    void aModelThatCannotStartExitsThree() {
        wiring.factory = request -> {
            throw new SenseVoiceException(ExitCode.MODEL_START, "model.onnx: damaged file; download it again");
        };
        assertEquals(3, run("a.wav"));
        assertEquals("sensevoice: model.onnx: damaged file; download it again", err.toString().strip());
    }

    @Test
    void statsGoToTheGivenFile() {
        assertEquals(0, run("-q", "--stats", "run.csv", "a.wav"));
        assertEquals(Path.of("run.csv"), wiring.statsFile);
        assertEquals(1, wiring.statsSummary.run().ok());
    }

    @Test
    void theRealWiringNamesAMissingModelWithExitThree() {
        CommandLine cl = SenseVoiceCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(3, cl.execute("transcribe", "-q", "--model", "no-such-model", dir.resolve("a.wav").toString()));
        assertTrue(err.toString().startsWith("sensevoice: model 'no-such-model' is not known"), err.toString());
    }

    @Test
    void aKnownModelIsDownloadedOnlyWithDownload() throws IOException {
        Path wav = dir.resolve("tone.wav");
        writeTone(wav);
        try (TestServer server = new TestServer()) {
            String url = server.put("/asr-models/test-model.tar.bz2", TestModelFiles.archive()).toString();
            TestModelFiles.manifest(dir.resolve("home/models"), "test-model", url, null);
            wiring.env.put("SENSEVOICE_HOME", dir.resolve("home").toString());
            wiring.env.put("SENSEVOICE_CACHE_DIR", dir.resolve("cache").toString());
            wiring.factory = new SenseVoiceStages(warning -> { }, wiring.models());

            assertEquals(3, run("-q", "--device", "cpu", "--vad", "energy", "--model", "test-model", wav.toString()));
            assertEquals("sensevoice: model 'test-model' is not installed; run: sensevoice model download test-model",
                    err.toString().strip());
            assertEquals(List.of(), server.ranges, "no network without --download");

            wiring.env.put("SENSEVOICE_AUTO_DOWNLOAD", "1");
            assertEquals(0, run("-q", "--device", "cpu", "--vad", "energy", "--model", "test-model", wav.toString()));
            assertEquals(1, server.ranges.size());
            assertTrue(Files.isRegularFile(dir.resolve("cache/models/test-model/model.int8.onnx")));
            assertEquals("test-model", new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(dir.resolve("tone.json").toFile()).path("model").path("name").asText());
        }
    }

    @Test
    void theRealWiringRunsTheTestModelEndToEnd() throws IOException {
        Path wav = dir.resolve("tone.wav");
        writeTone(wav);
        CommandLine cl = SenseVoiceCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("transcribe", "--progress", "plain", "--device", "cpu", "--vad", "energy",
                "--model", "src/test/resources/models/test-sherpa", "-f", "json,srt", "-o", dir.resolve("out").toString(),
                "--stats", dir.resolve("stats.json").toString(), wav.toString(), dir.resolve("a.wav").toString());
        assertEquals(1, code, err.toString()); // a.wav holds text, not audio: named and failed
        assertTrue(Files.isRegularFile(dir.resolve("out/tone.json")), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/tone.srt")));
        assertTrue(Files.readString(dir.resolve("stats.json")).contains("\"failed\""));
        assertTrue(err.toString().contains("ok      " + wav), err.toString());
        assertTrue(err.toString().contains("sensevoice: " + dir.resolve("a.wav")), err.toString());
    }

    private static void writeTone(Path file) throws IOException {
        int rate = 16_000;
        byte[] pcm = new byte[rate * 2 * 2];
        for (int i = 0; i < rate * 2; i++) {
            short v = (short) (i > 4000 && i < 28000 ? 9000 * Math.sin(2 * Math.PI * 220 * i / (double) rate) : 0);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(rate, 16, 1, true, false);
        try (var in = new javax.sound.sampled.AudioInputStream(new ByteArrayInputStream(pcm), format, rate * 2)) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    @Test
    void signalsMapToTheirExitCodes() {
        assertEquals(ExitCode.SIGINT, TranscribeCommand.exitCode(summary(Cancellation.Reason.INTERRUPT)));
        assertEquals(ExitCode.SIGTERM, TranscribeCommand.exitCode(summary(Cancellation.Reason.TERMINATE)));
        assertEquals(ExitCode.OK, TranscribeCommand.exitCode(summary(null)));
    }

    private static TranscriptionSummary summary(Cancellation.Reason reason) {
        return new TranscriptionSummary(List.of(), new dev.sensevoice.metrics.RunStats(0, 0, 0, 0, 0, 0, null),
                Optional.ofNullable(reason), Optional.empty());
    }

    /** Every input is one second of one segment that the fake model hears as "hello". */
    final class FakeWiring implements TranscribeWiring {
        final Map<String, String> env = new HashMap<>();
        final Set<String> written = ConcurrentHashMap.newKeySet();
        final Set<String> failWrite = ConcurrentHashMap.newKeySet();
        final List<String> opened = Collections.synchronizedList(new ArrayList<>());
        volatile TranscriptionRequest request;
        StageFactory factory = this::fakeStages;
        Path statsFile;
        TranscriptionSummary statsSummary;

        private Stages fakeStages(TranscriptionRequest r) {
            request = r;
            return new Stages(this::open, TranscribeCommandTest::wholeInput,
                    samples -> new Features(new float[] {1f}, 1, 1), new HelloRecognizer(),
                    (logits, segment) -> new Recognition("en", "NEUTRAL", "Speech", true, "hello", "hello", List.of()),
                    recognitions -> String.join(" ", recognitions.stream().map(Recognition::text).toList()),
                    new TranscriptSink() {
                        @Override
                        public void write(FileTranscript t) throws IOException {
                            String name = t.input().path().getFileName().toString();
                            if (failWrite.contains(name)) {
                                throw new IOException("Read-only file system");
                            }
                            written.add(name);
                        }
                    });
        }

        private SampleSource open(Path file) {
            opened.add(file.toString());
            return new SampleSource() {
                private int left = 16_000;

                @Override
                public int read(float[] buffer, int offset, int length) {
                    if (left == 0) {
                        return -1;
                    }
                    int n = Math.min(left, length);
                    java.util.Arrays.fill(buffer, offset, offset + n, 0.1f);
                    left -= n;
                    return n;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public StageFactory stages() {
            return factory;
        }

        @Override
        public void writeStats(Path file, TranscriptionSummary summary) {
            statsFile = file;
            statsSummary = summary;
        }

        @Override
        public MemoryProbe rss() {
            return MemoryProbe.NONE;
        }

        @Override
        public MemoryProbe vram(String device) {
            return MemoryProbe.NONE;
        }

        @Override
        public Map<String, String> environment() {
            return env;
        }

        @Override
        public Path workingDir() {
            return dir;
        }

        @Override
        public InputStream stdin() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public boolean stderrIsTerminal() {
            return false;
        }

        @Override
        public AutoCloseable trapSignals(Cancellation cancellation, Runnable onFirstSignal) {
            return () -> { };
        }
    }

    static void wholeInput(SampleSource audio, dev.sensevoice.transcribe.Segmentation.Output out)
            throws IOException, InterruptedException {
        float[] all = new float[16_000];
        int n = 0;
        for (int r = audio.read(all, 0, all.length); r > 0 && n < all.length; r = audio.read(all, n, all.length - n)) {
            n += r;
        }
        out.accept(new SegmentAudio(new SpeechSegment(0, n), java.util.Arrays.copyOf(all, n)));
    }

    static final class HelloRecognizer extends StubRecognizer {
        @Override
        public List<BestPath> run(FeatureBatch batch) {
            return batch.items().stream().map(f -> new Logits(new float[f.frames() + 4], f.frames() + 4, 1).bestPath()).toList();
        }

        @Override
        public int textNormRow(boolean itn) {
            return 14;
        }
    }
}
