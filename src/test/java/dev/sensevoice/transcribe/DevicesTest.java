package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.frontend.Features;
import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.BestPath;
import dev.sensevoice.model.Logits;
import dev.sensevoice.transcribe.TranscriptionRequest.ModelOptions;
import dev.sensevoice.transcribe.TranscriptionRequest.Parallelism;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** --device lists (one session and worker per CUDA device) and the inference defaults per device. */
class DevicesTest {
    private static final Optional<String> TEST_MODEL = Optional.of("src/test/resources/models/test-sherpa");

    @Test
    void aListOfCudaDevicesGivesOneWorkerEach() {
        ModelOptions two = new ModelOptions(TEST_MODEL, "cuda:0,cuda:1", 4);
        assertEquals(List.of("cuda:0", "cuda:1"), two.devices());
        assertEquals(2, Parallelism.forInference(30, two).inferenceWorkers());
        assertEquals(4, Parallelism.forInference(30, two).intraOpThreads(4) * 2);
        ModelOptions cpu = new ModelOptions(TEST_MODEL, "cpu", 3);
        assertEquals(3, Parallelism.forInference(30, cpu).inferenceWorkers(), "on CPU one worker per thread");
        assertEquals(1, Parallelism.forInference(30, cpu).intraOpThreads(3));
        Parallelism many = Parallelism.forInference(30, new ModelOptions(TEST_MODEL, "cpu", 32));
        assertEquals(8, many.inferenceWorkers(), "capped: each run in flight holds its own memory");
        assertEquals(4, many.intraOpThreads(32));
    }

    @Test
    void cpuWorkersShareOneBatchInFlightPerPairAndGpusOrAskedForCountsDoNot() {
        Parallelism two = Parallelism.forInference(30, new ModelOptions(TEST_MODEL, "cpu", 2));
        assertEquals(30, two.inFlightCap());
        assertEquals(15, two.batchLimit(), "two half batches side by side");
        Parallelism one = Parallelism.forInference(30, new ModelOptions(TEST_MODEL, "cpu", 1));
        assertEquals(30, one.inFlightCap());
        assertEquals(30, one.batchLimit());
        Parallelism eight = Parallelism.forInference(30, new ModelOptions(TEST_MODEL, "cpu", 16));
        assertEquals(120, eight.inFlightCap(), "one batch per two workers");
        assertEquals(15, eight.batchLimit());
        Parallelism gpus = Parallelism.forInference(30, new ModelOptions(TEST_MODEL, "cuda:0,cuda:1", 4));
        assertEquals(Double.POSITIVE_INFINITY, gpus.inFlightCap(), "each device has its own memory");
        assertEquals(30, gpus.batchLimit());
        Parallelism asked = two.withInferenceWorkers(2);
        assertEquals(Double.POSITIVE_INFINITY, asked.inFlightCap(), "a count asked for runs full batches at once");
        assertEquals(30, asked.batchLimit());
    }

    @Test
    void listsOtherThanCudaDevicesAreRefused() {
        for (String bad : List.of("cpu,cuda:0", "cuda:0,cuda:0", "cuda,cuda:1", "cuda:0,")) {
            assertThrows(IllegalArgumentException.class, () -> new ModelOptions(TEST_MODEL, bad, 1), bad);
        }
    }

    /** No GPU here: the first device fails to start, clearly (exit 3, naming the device). */
    @Test
    void withoutGpusADeviceListFailsNamingTheFirstDevice() {
        TranscriptionRequest request = TranscriptionRequest.defaults(List.of())
                .withModel(new ModelOptions(TEST_MODEL, "cuda:0,cuda:1", 1));
        SenseVoiceException e = assertThrows(SenseVoiceException.class,
                () -> new SenseVoiceStages(w -> { }).open(request).close());
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertTrue(e.getMessage().contains("cannot start cuda:0"), e.getMessage());
    }

    @Test
    void thePoolNeverRunsTwoBatchesOnOneDevice() throws Exception {
        List<Busy> devices = List.of(new Busy(), new Busy());
        DevicePool pool = new DevicePool(new ArrayList<>(devices));
        FeatureBatch batch = new FeatureBatch(List.of(new Features(new float[4], 1, 4)), new int[1], new int[1]);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            runs.add(workers.submit(() -> pool.run(batch)));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        workers.shutdown();
        pool.close();
        assertEquals(40, devices.get(0).runs.get() + devices.get(1).runs.get());
        assertTrue(devices.stream().allMatch(d -> d.overlapped.get() == 0 && d.closed));
    }

    /** A device that notices two runs at once. */
    private static final class Busy extends StubRecognizer {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger overlapped = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        volatile boolean closed;

        @Override
        public List<BestPath> run(FeatureBatch batch) {
            if (inFlight.incrementAndGet() > 1) {
                overlapped.incrementAndGet();
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runs.incrementAndGet();
            inFlight.decrementAndGet();
            return List.of(new Logits(new float[1], 1, 1).bestPath());
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
