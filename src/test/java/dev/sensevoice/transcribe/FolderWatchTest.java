package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensevoice.cache.HashMemo;
import dev.sensevoice.metrics.MemoryProbe;
import dev.sensevoice.output.OutputFormat;
import dev.sensevoice.transcribe.TranscriptionRequest.ModelOptions;
import dev.sensevoice.transcribe.TranscriptionRequest.OutputOptions;
import dev.sensevoice.vad.SegmenterConfig;
import dev.sensevoice.vad.VadMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop folder on the real stages and test models, driven by a scripted clock: each poll's
 * sleep advances fake time and runs what the script says for that poll; reloads run inline.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FolderWatchTest {
    static final Path SHERPA = Path.of("src/test/resources/models/test-sherpa");
    static final Path FUNASR = Path.of("src/test/resources/models/test-funasr");
    static final FolderWatch.Settings SETTINGS = new FolderWatch.Settings(Duration.ofMillis(100), Duration.ofMillis(300));

    @TempDir
    Path dir;
    final Cancellation cancellation = new Cancellation();
    final List<String> notices = new ArrayList<>();

    /** Fake time; poll number N runs the script's action N, if any. */
    static final class ScriptedTicker implements FolderWatch.Ticker {
        final Map<Integer, ThrowingAction> script = new HashMap<>();
        long now;
        int polls;

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            now += d.toNanos();
            polls++;
            ThrowingAction action = script.get(polls);
            if (action != null) {
                try {
                    action.run();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    interface ThrowingAction {
        void run() throws Exception;
    }

    private TranscriptionRequest request(Path model) {
        return TranscriptionRequest.defaults(List.of())
                .withModel(new ModelOptions(Optional.of(model.toString()), "cpu", 1))
                .withSegmentation(SegmenterConfig.defaults().withMode(VadMode.NONE))
                .withOutput(new OutputOptions(EnumSet.of(OutputFormat.JSON), Optional.of(dir.resolve("out")), false));
    }

    private FolderWatch watch(Path in, Path model, ScriptedTicker ticker) {
        return new FolderWatch(in, model, new SenseVoiceStages(notices::add), SETTINGS, ticker, Runnable::run,
                notices::add, MemoryProbe.NONE, MemoryProbe.NONE);
    }

    private String modelSha(String output) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out").resolve(output).toFile()).get("model").get("sha256").asText();
    }

    private Path model() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.copy(SHERPA.resolve("model.onnx"), model.resolve("model.onnx"));
        Files.copy(SHERPA.resolve("tokens.txt"), model.resolve("tokens.txt"));
        return model;
    }

    @Test
    void aDroppedFileIsTranscribedOnceItHoldsStill() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        ScriptedTicker ticker = new ScriptedTicker();
        ticker.script.put(1, () -> Tone.write(in.resolve("a.wav"), 1.5));
        ticker.script.put(3, () -> assertTrue(Files.notExists(dir.resolve("out/a.json")), "taken before it settled"));
        ticker.script.put(8, () -> cancellation.stopIntake(Cancellation.Reason.INTERRUPT));

        TranscriptionSummary summary = watch(in, model(), ticker).run(request(dir.resolve("model")),
                new TranscriptionListener() { }, cancellation);

        assertEquals(1, summary.files().size());
        assertEquals(FileOutcome.Status.OK, summary.files().get(0).status());
        assertEquals(HashMemo.digest(SHERPA.resolve("model.onnx")), modelSha("a.json"));
        assertEquals(Optional.of(Cancellation.Reason.INTERRUPT), summary.interrupted());
    }

    @Test
    void aModelSwappedMidRunChangesLaterOutputsAndLosesNoFile() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path model = model();
        ScriptedTicker ticker = new ScriptedTicker();
        FolderWatch watch = watch(in, model, ticker);
        ticker.script.put(1, () -> Tone.write(in.resolve("a.wav"), 1.2));
        ticker.script.put(8, () -> {
            for (String name : List.of("model.onnx", "am.mvn", "tokens.json")) {
                Files.copy(FUNASR.resolve(name), model.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            Tone.write(in.resolve("b.wav"), 1.0);
        });
        ticker.script.put(20, () -> Tone.write(in.resolve("c.wav"), 1.1));
        ticker.script.put(30, () -> cancellation.stopIntake(Cancellation.Reason.TERMINATE));

        TranscriptionSummary summary = watch.run(request(model), new TranscriptionListener() { }, cancellation);

        assertEquals(List.of("a.wav", "b.wav", "c.wav"), summary.files().stream().map(f -> f.input().shownAs()).sorted().toList());
        assertTrue(summary.files().stream().allMatch(f -> f.status() == FileOutcome.Status.OK), summary.toString());
        String before = HashMemo.digest(SHERPA.resolve("model.onnx"));
        String after = HashMemo.digest(FUNASR.resolve("model.onnx"));
        assertNotEquals(before, after);
        assertEquals(before, modelSha("a.json"));
        assertEquals(after, modelSha("c.json"));
        assertTrue(List.of(before, after).contains(modelSha("b.json")));
        assertEquals(1, watch.reloads());
        assertEquals(List.of("model reloaded from " + model), notices);
    }

    @Test
    void aModelThatCannotLoadIsReportedOnceAndTheOldOneKeepsServing() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path model = model();
        ScriptedTicker ticker = new ScriptedTicker();
        FolderWatch watch = watch(in, model, ticker);
        ticker.script.put(1, () -> Files.writeString(model.resolve("model.onnx"), "half a copy"));
        ticker.script.put(12, () -> Tone.write(in.resolve("a.wav"), 1.0));
        ticker.script.put(24, () -> cancellation.stopIntake(Cancellation.Reason.INTERRUPT));

        TranscriptionSummary summary = watch.run(request(model), new TranscriptionListener() { }, cancellation);

        assertEquals(FileOutcome.Status.OK, summary.files().get(0).status());
        assertEquals(HashMemo.digest(SHERPA.resolve("model.onnx")), modelSha("a.json"));
        assertEquals(0, watch.reloads());
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("cannot be loaded"), notices.get(0));
    }
}
