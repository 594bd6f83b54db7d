package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.metrics.FileStats;
import dev.sensevoice.transcribe.FileOutcome.Status;
import dev.sensevoice.transcribe.TranscriptionRequest.Parallelism;
import dev.sensevoice.transcribe.TranscriptionRequest.RecognitionOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchTranscriberTest {
    @TempDir
    Path dir;
    final FakeStages fakes = new FakeStages();

    /** name → script; the expected text of each is its words in order, known without the code. */
    private final Map<String, String> scripts = new LinkedHashMap<>();

    private List<InputFile> inputs(String... names) throws IOException {
        List<InputFile> inputs = new ArrayList<>();
        for (String name : names) {
            Path file = scripts.containsKey(name) ? FakeStages.script(dir, name, scripts.get(name)) : dir.resolve(name);
            inputs.add(new InputFile(file, dir, name));
        }
        return inputs;
    }

    private static String expectedText(String script) {
        List<String> words = new ArrayList<>();
        for (String part : script.trim().split("\\s+")) {
            if (!part.startsWith("sil")) {
                words.add(part.split(":")[0]);
            }
        }
        return String.join(" ", words);
    }

    private TranscriptionSummary run(List<InputFile> inputs, Parallelism p) throws InterruptedException {
        return new BatchTranscriber(fakes.stages()).run(TranscriptionRequest.defaults(inputs).withParallelism(p),
                TranscriptionListener.NONE);
    }

    private static Parallelism parallel(double batchS, int workers, int inference) {
        return new Parallelism(batchS, workers, workers, inference, workers);
    }

    @Test
    void eachInputGetsItsSegmentsInOrderWithStats() throws Exception {
        scripts.put("a.wav", "sil:0.5 alpha:1.2 sil:0.3 bravo:2 sil:0.2 charlie:0.4");
        scripts.put("b.wav", "kilo:3 sil:1 lima:0.5 sil:0.1 mike:7.5");
        TranscriptionSummary summary = run(inputs("a.wav", "b.wav"), parallel(30, 2, 1));

        assertEquals(List.of(Status.OK, Status.OK), summary.files().stream().map(FileOutcome::status).toList());
        FileTranscript a = fakes.written.get("a.wav");
        assertEquals("alpha bravo charlie", a.text());
        assertEquals(List.of(0.5, 2.0, 4.2), a.segments().stream().map(s -> s.segment().startSeconds()).toList());
        assertEquals("mike", fakes.written.get("b.wav").segments().get(2).recognition().text());
        assertEquals("en", a.language());
        FileStats stats = a.stats();
        assertEquals(4.6, stats.audioS(), 1e-9);
        assertEquals(stats.latencyMs() / 1000.0 / 4.6, stats.rtf(), 1e-9);
        assertNull(stats.rssPeakMb(), "no probe: not measurable, so null (never 0)");
        assertEquals(3, summary.files().get(0).segments());
        assertEquals(2, summary.run().ok());
        assertEquals(4.6 + 12.1, summary.run().audioS(), 1e-9);
        assertTrue(summary.allDone());
    }

    @Test
    void anInputWhoseSegmentsAreAllRecognisedBeforeItsSegmentationEndsStillCompletes() throws Exception {
        scripts.put("late.wav", "alpha:1 sil:0.5 bravo:1 sil:2");
        CountDownLatch recognised = new CountDownLatch(2);
        Stages fake = fakes.stages();
        Segmentation slowToEnd = (audio, out) -> {
            FakeStages.segment(audio, out);
            recognised.await(); // both segments went through the model before segmentation ends
        };
        Stages stages = new Stages(fake.audio(), slowToEnd, fake.features(), fake.recognizer(), fake.decoder(),
                fake.text(), fake.sink());
        TranscriptionListener listener = new TranscriptionListener() {
            @Override
            public void audioRecognized(InputFile input, double seconds) {
                recognised.countDown();
            }
        };
        TranscriptionSummary summary = new BatchTranscriber(stages).run(
                TranscriptionRequest.defaults(inputs("late.wav")), listener);
        assertEquals(Status.OK, summary.files().get(0).status());
        assertEquals("alpha bravo", fakes.written.get("late.wav").text());
    }

    @Test
    void aSilentInputIsOkWithAnEmptyTranscript() throws Exception {
        scripts.put("quiet.wav", "sil:3");
        scripts.put("empty.wav", "");
        TranscriptionSummary summary = run(inputs("quiet.wav", "empty.wav"), parallel(30, 1, 1));
        assertEquals(List.of(Status.OK, Status.OK), summary.files().stream().map(FileOutcome::status).toList());
        FileTranscript quiet = fakes.written.get("quiet.wav");
        assertEquals("", quiet.text());
        assertEquals(List.of(), quiet.segments());
        assertEquals("", quiet.language());
        assertEquals(3.0, quiet.durationS(), 1e-9);
        assertNull(fakes.written.get("empty.wav").stats().rtf(), "no audio: no real-time factor");
    }

    @Test
    void failingInputsAreRecordedAndTheOthersAreWritten() throws Exception {
        scripts.put("good1.wav", "alpha:1 sil:0.5 bravo:1");
        scripts.put("corrupt.wav", "alpha:1");
        scripts.put("boom.wav", "alpha:1 sil:1 boom:1 sil:1 bravo:1");
        scripts.put("full.wav", "delta:1");
        scripts.put("good2.wav", "echo:2");
        fakes.failOpen.add("corrupt.wav");
        fakes.failWrite.add("full.wav");
        List<FileOutcome> failures = Collections.synchronizedList(new ArrayList<>());
        TranscriptionListener listener = new TranscriptionListener() {
            @Override
            public void fileFailed(FileOutcome outcome) {
                failures.add(outcome);
            }
        };
        List<InputFile> inputs = inputs("good1.wav", "corrupt.wav", "missing.wav", "boom.wav", "full.wav", "good2.wav");
        TranscriptionSummary summary = new BatchTranscriber(fakes.stages())
                .run(TranscriptionRequest.defaults(inputs), listener);

        List<FileOutcome> files = summary.files();
        assertEquals(List.of(Status.OK, Status.FAILED, Status.FAILED, Status.FAILED, Status.FAILED, Status.OK),
                files.stream().map(FileOutcome::status).toList());
        assertEquals("corrupt.wav: unsupported audio format", files.get(1).error());
        assertEquals("missing.wav: not found; check the path", files.get(2).error());
        assertEquals("boom.wav: features exploded", files.get(3).error());
        assertTrue(files.get(4).error().startsWith("full.wav: cannot write outputs (No space left on device)"));
        assertEquals(4, failures.size(), "the listener heard of each failure once");
        assertEquals(Set.of("good1.wav", "good2.wav"), fakes.written.keySet());
        assertEquals(4, summary.count(Status.FAILED));
        assertTrue(!summary.allDone());
    }

    @Test
    void transcriptsDoNotDependOnBatchSizeThreadsOrCoFiles() throws Exception {
        Random random = new Random(11);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "f" + i + ".wav";
            scripts.put(name, randomScript(random));
            names.add(name);
        }
        Map<String, FileTranscript> reference = transcripts(names, parallel(30, 1, 1));
        for (String name : names) {
            assertEquals(expectedText(scripts.get(name)), reference.get(name).text(), name);
        }
        assertSameTranscripts(reference, transcripts(names, parallel(0.5, 1, 1)));
        assertSameTranscripts(reference, transcripts(names, parallel(200, 4, 3)));
        assertSameTranscripts(reference, transcripts(names.subList(5, 7), parallel(60, 3, 2)));
        fakes.quantized = true;
        assertSameTranscripts(reference, transcripts(names.subList(0, 4), parallel(30, 2, 2)));
    }

    @Test
    void batchesFollowTheRuleAndQuantizedModelsRunOneSegmentAtATime() throws Exception {
        Random random = new Random(5);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            scripts.put("g" + i + ".wav", randomScript(random));
            names.add("g" + i + ".wav");
        }
        transcripts(names, parallel(8, 2, 1));
        for (List<Double> batch : fakes.batches) {
            double longest = batch.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertTrue(batch.size() == 1 || longest * batch.size() <= 8 + 1e-9, "batch " + batch);
        }
        fakes.batches.clear();
        fakes.quantized = true;
        transcripts(names, parallel(30, 2, 2));
        assertTrue(fakes.batches.stream().allMatch(b -> b.size() == 1));
    }

    @Test
    void aSegmentOutsideTheAllowedLanguagesIsDecodedAgainWithTheLikeliestAllowedOne() throws Exception {
        scripts.put("mixed.wav", "alpha:1 sil:1 konnichiwa:1 sil:1 arigato:1 sil:1 nihao:1");
        List<InputFile> inputs = inputs("mixed.wav");
        TranscriptionRequest request = TranscriptionRequest.defaults(inputs)
                .withRecognition(new RecognitionOptions("auto", Set.of("zh", "en"), true, TranscriptionRequest.Tags.STRIP));
        new BatchTranscriber(fakes.stages()).run(request, TranscriptionListener.NONE);
        List<String> languages = fakes.written.get("mixed.wav").segments().stream()
                .map(s -> s.recognition().language()).toList();
        // konnichiwa: ja, then en; arigato: ja, then zh (FakeStages.secondLanguage)
        assertEquals(List.of("en", "en", "zh", "zh"), languages);
        assertEquals(2, fakes.reruns.size());
        assertEquals("alpha konnichiwa arigato nihao", fakes.written.get("mixed.wav").text());
    }

    @Test
    void upToDateInputsAreSkippedWithoutOpeningThem() throws Exception {
        scripts.put("done.wav", "alpha:1");
        scripts.put("new.wav", "bravo:1");
        fakes.upToDate.add("done.wav");
        List<InputFile> inputs = inputs("done.wav", "new.wav");
        var request = TranscriptionRequest.defaults(inputs).withOutput(
                new TranscriptionRequest.OutputOptions(Set.of(dev.sensevoice.output.OutputFormat.JSON), java.util.Optional.empty(), true));
        TranscriptionSummary summary = new BatchTranscriber(fakes.stages()).run(request, TranscriptionListener.NONE);
        assertEquals(List.of(Status.SKIPPED, Status.OK), summary.files().stream().map(FileOutcome::status).toList());
        assertEquals(Set.of("new.wav"), fakes.opened);
        assertTrue(summary.allDone());
    }

    @Test
    void anInferenceFailureStopsTheRunAndNamesIt() throws Exception {
        for (int i = 0; i < 8; i++) {
            scripts.put("h" + i + ".wav", "alpha:1 sil:1 bravo:1 sil:1 charlie:1");
        }
        fakes.failInferenceAtRun = 3;
        fakes.quantized = true;
        TranscriptionSummary summary = run(inputs(scripts.keySet().toArray(String[]::new)), parallel(30, 1, 1));
        assertTrue(summary.stoppedBy().orElseThrow().contains("CUDA error: out of memory"));
        assertTrue(summary.count(Status.FAILED) >= 7, "at most the first input could finish");
        assertTrue(summary.files().get(7).error().contains("not finished: the run stopped"));
        assertTrue(fakes.written.size() <= 1);
    }

    @Test
    void aSecondInferenceWorkerWaitsForABacklogByDefault() throws Exception {
        scripts.put("a.wav", "alpha:1.2");
        scripts.put("b.wav", "bravo:1.2");
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        fakes.beforeRun = () -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100); // slower than decoding: both batches wait, but not three in a row
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
        };
        TranscriptionSummary summary = run(inputs("a.wav", "b.wav"), parallel(1, 2, 2));
        assertEquals(2, summary.count(Status.OK));
        assertEquals(2, fakes.batches.size());
        assertEquals(1, most.get(), "two batches are no backlog: one run at a time");
    }

    @Test
    void cpuWorkersShareOneBatchInFlightByDefault() throws Exception {
        for (int i = 0; i < 16; i++) {
            scripts.put("m" + i + ".wav", "alpha:1.5 sil:1 bravo:1.5 sil:1 charlie:1.5");
        }
        Object lock = new Object();
        double[] held = {0, 0};
        int[] runs = {0, 0};
        fakes.whileRunning = padded -> {
            synchronized (lock) {
                held[0] += padded;
                held[1] = Math.max(held[1], held[0]);
                runs[1] = Math.max(runs[1], ++runs[0]);
            }
            try {
                Thread.sleep(15); // slower than decoding: a backlog calls the spare worker in
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (lock) {
                held[0] -= padded;
                runs[0]--;
            }
        };
        TranscriptionSummary summary = run(inputs(scripts.keySet().toArray(String[]::new)), parallel(3.2, 2, 2));
        assertEquals(16, summary.count(Status.OK));
        assertEquals(2, runs[1], "the spare worker ran beside the first");
        assertTrue(held[1] <= 3.2 + 1e-9, "at most --batch-s in flight, was " + held[1]);
        assertTrue(fakes.batches.stream().allMatch(b -> b.size() == 1), "half batches: 2 x 1.5 s > 3.2 / 2");
    }

    /**
     * Inference the slow stage, every segment longer than the batch limit (int8 at --max-segment-s
     * 30): the queues between the VAD and the model hold a few segments, as they would short ones.
     */
    @Test
    void longSegmentsQueueNoDeeperThanTheWindow() throws Exception {
        scripts.put("long.wav", "alpha:3 sil:1 ".repeat(24));
        fakes.quantized = true;
        Object lock = new Object();
        double[] waiting = {0, 0}; // featured but not yet running; the most seen
        fakes.featured = seconds -> {
            synchronized (lock) {
                waiting[0] += seconds;
                waiting[1] = Math.max(waiting[1], waiting[0]);
            }
        };
        fakes.whileRunning = padded -> {
            synchronized (lock) {
                waiting[0] -= padded;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        TranscriptionSummary summary = run(inputs("long.wav"), parallel(3.2, 1, 2));
        assertEquals(Status.OK, summary.files().get(0).status());
        assertEquals(24, fakes.batches.size());
        // the features worker's own, one queued, the batcher's two, one batch queued and one taken
        // by the second worker waiting for the first's to end: 6 x 3 s (before 2026-12-07: 10); plus
        // one for a moment: when the first worker's run ends it takes its next batch, and the queues
        // refill behind it, before the second worker, let go, has begun its run (seen once, with the
        // other core loaded)
        assertTrue(waiting[1] <= 7 * 3.0 + 0.5, "featured seconds waiting for the model: " + waiting[1]);
    }

    /** Two 1.2 s segments at --batch-s 1: the default bound would run them one after the other. */
    @Test
    void anAskedForWorkerCountRunsSideBySideFromTheFirstBatch() throws Exception {
        scripts.put("a.wav", "alpha:1.2");
        scripts.put("b.wav", "bravo:1.2");
        CyclicBarrier both = new CyclicBarrier(2);
        fakes.beforeRun = () -> {
            try {
                both.await(5, TimeUnit.SECONDS); // only passes when two runs are in flight at once
            } catch (Exception e) {
                throw new IllegalStateException("the second worker never started", e);
            }
        };
        TranscriptionSummary summary = run(inputs("a.wav", "b.wav"), parallel(1, 2, 1).withInferenceWorkers(2));
        assertEquals(Optional.empty(), summary.stoppedBy());
        assertEquals(2, summary.count(Status.OK));
    }

    @Test
    void stoppingTheIntakeFinishesInputsInFlightAndStartsNoMore() throws Exception {
        for (int i = 0; i < 10; i++) {
            scripts.put("s" + i + ".wav", "alpha:1 sil:0.2 bravo:1");
        }
        Cancellation cancellation = new Cancellation();
        CountDownLatch firstOpened = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        fakes.openHook = file -> {
            if (file.getFileName().toString().equals("s0.wav")) {
                firstOpened.countDown();
                await(stopped);
            }
            return null;
        };
        Thread signal = new Thread(() -> {
            await(firstOpened);
            cancellation.stopIntake(Cancellation.Reason.TERMINATE);
            stopped.countDown();
        });
        signal.start();
        TranscriptionSummary summary = new BatchTranscriber(fakes.stages()).run(
                TranscriptionRequest.defaults(inputs(scripts.keySet().toArray(String[]::new)))
                        .withParallelism(parallel(30, 1, 1)), TranscriptionListener.NONE, cancellation);
        assertEquals(Cancellation.Reason.TERMINATE, summary.interrupted().orElseThrow());
        assertEquals(Status.OK, summary.files().get(0).status(), "the input in flight completed");
        assertEquals("alpha bravo", fakes.written.get("s0.wav").text());
        assertEquals("s9.wav: not finished: interrupted", summary.files().get(9).error());
        for (FileOutcome o : summary.files()) {
            assertEquals(o.status() == Status.OK, fakes.written.containsKey(o.input().shownAs()));
        }
    }

    @Test
    void aStopBeforeTheStartRunsNothing() throws Exception {
        scripts.put("y0.wav", "alpha:1");
        scripts.put("y1.wav", "bravo:1");
        Cancellation cancellation = new Cancellation();
        cancellation.stopIntake(Cancellation.Reason.INTERRUPT);
        TranscriptionSummary summary = new BatchTranscriber(fakes.stages()).run(
                TranscriptionRequest.defaults(inputs("y0.wav", "y1.wav")), TranscriptionListener.NONE, cancellation);
        assertEquals(List.of("y0.wav: not finished: interrupted", "y1.wav: not finished: interrupted"),
                summary.files().stream().map(FileOutcome::error).toList());
        assertTrue(fakes.opened.isEmpty());
    }

    @Test
    void abandoningWritesNothingPartial() throws Exception {
        for (int i = 0; i < 6; i++) {
            scripts.put("x" + i + ".wav", "alpha:1 sil:0.2 bravo:1");
        }
        Cancellation cancellation = new Cancellation();
        cancellation.abandon(Cancellation.Reason.INTERRUPT);
        TranscriptionSummary summary = new BatchTranscriber(fakes.stages()).run(
                TranscriptionRequest.defaults(inputs(scripts.keySet().toArray(String[]::new))),
                TranscriptionListener.NONE, cancellation);
        assertEquals(Cancellation.Reason.INTERRUPT, summary.interrupted().orElseThrow());
        assertEquals(6, summary.count(Status.FAILED));
        assertTrue(fakes.written.isEmpty());
    }

    @Test
    void abandoningStopsAnInputInFlightWithoutWritingIt() throws Exception {
        scripts.put("a.wav", "alpha:1");
        scripts.put("stream.wav", "repeat sil:0.2 bravo:0.5");
        Cancellation cancellation = new Cancellation();
        TranscriptionListener listener = new TranscriptionListener() {
            @Override
            public void audioRecognized(InputFile input, double seconds) {
                if (input.shownAs().equals("stream.wav")) {
                    cancellation.abandon(Cancellation.Reason.INTERRUPT);
                }
            }
        };
        TranscriptionSummary summary = new BatchTranscriber(fakes.stages()).run(
                TranscriptionRequest.defaults(inputs("a.wav", "stream.wav")), listener, cancellation);
        assertEquals("stream.wav: not finished: interrupted", summary.files().get(1).error());
        assertTrue(!fakes.written.containsKey("stream.wav"));
    }

    @Test
    void memoryPeaksComeFromTheProbes() throws Exception {
        scripts.put("m.wav", "alpha:1");
        List<InputFile> inputs = inputs("m.wav");
        new BatchTranscriber(fakes.stages(), () -> 321L, () -> null)
                .run(TranscriptionRequest.defaults(inputs), TranscriptionListener.NONE);
        assertEquals(321L, fakes.written.get("m.wav").stats().rssPeakMb());
        assertNull(fakes.written.get("m.wav").stats().vramPeakMb());
    }

    private Map<String, FileTranscript> transcripts(List<String> names, Parallelism p) throws Exception {
        fakes.written.clear();
        TranscriptionSummary summary = run(inputs(names.toArray(String[]::new)), p);
        assertTrue(summary.allDone(), summary.toString());
        return Map.copyOf(fakes.written);
    }

    private static void assertSameTranscripts(Map<String, FileTranscript> reference, Map<String, FileTranscript> got) {
        for (Map.Entry<String, FileTranscript> e : got.entrySet()) {
            FileTranscript ref = reference.get(e.getKey());
            assertEquals(ref.segments(), e.getValue().segments(), e.getKey());
            assertEquals(ref.text(), e.getValue().text(), e.getKey());
            assertEquals(ref.language(), e.getValue().language(), e.getKey());
        }
    }

    private static String randomScript(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            String word = FakeStages.WORDS.get(random.nextInt(FakeStages.WORDS.size() - 1)); // never "boom"
            s.append("sil:").append(0.1 + random.nextInt(10) / 10.0).append(' ');
            s.append(word).append(':').append(0.2 + random.nextInt(60) / 10.0).append(' ');
        }
        return s.toString();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
