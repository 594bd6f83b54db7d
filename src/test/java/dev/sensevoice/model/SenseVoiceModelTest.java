package dev.sensevoice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.frontend.Features;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SenseVoiceModelTest {
    @TempDir
    Path temp;

    @Test
    void bothFlavoursGiveTheSameLogits() {
        FeatureBatch batch = TestModels.batch(List.of(TestModels.features(40, 1)), 4, 14);
        try (SenseVoiceModel sherpa = open(TestModels.SHERPA, Precision.FP32);
             SenseVoiceModel funasr = open(TestModels.FUNASR, Precision.AUTO)) {
            assertEquals(ModelFlavour.SHERPA_ONNX, sherpa.info().flavour());
            assertEquals(ModelFlavour.FUNASR, funasr.info().flavour());
            Logits a = sherpa.run(batch).get(0);
            Logits b = funasr.run(batch).get(0);
            assertEquals(44, a.frames());
            assertEquals(TestModels.VOCAB, a.vocab());
            assertTrue(TestModels.maxDifference(a, b) < 1e-5, "difference " + TestModels.maxDifference(a, b));
        }
    }

    @Test
    void aBatchGivesEachItemWhatItGetsAloneAndOnlyItsValidFrames() {
        List<Features> items = List.of(TestModels.features(50, 2), TestModels.features(17, 3), TestModels.features(33, 4));
        FeatureBatch batch = new FeatureBatch(items, new int[] {0, 4, 3}, new int[] {14, 15, 14});
        try (SenseVoiceModel model = open(TestModels.SHERPA, Precision.FP32)) {
            List<Logits> together = model.run(batch);
            for (int i = 0; i < items.size(); i++) {
                FeatureBatch alone = new FeatureBatch(List.of(items.get(i)),
                        new int[] {batch.languageRows()[i]}, new int[] {batch.textNormRows()[i]});
                Logits single = model.run(alone).get(0);
                assertEquals(items.get(i).frames() + 4, together.get(i).frames());
                assertEquals(single.frames(), together.get(i).frames());
                float diff = TestModels.maxDifference(single, together.get(i));
                assertTrue(diff < 1e-4, "item " + i + " differs by " + diff);
            }
        }
    }

    @Test
    void bestPathsSayWhatTheFullLogitsSayAlsoInReusedBuffers() {
        FeatureBatch large = TestModels.batch(List.of(TestModels.features(80, 11), TestModels.features(70, 12),
                TestModels.features(75, 13)), 4, 14);
        FeatureBatch padded = new FeatureBatch(List.of(TestModels.features(50, 2), TestModels.features(17, 3)),
                new int[] {0, 4}, new int[] {14, 15});
        try (SenseVoiceModel used = open(TestModels.SHERPA, Precision.FP32);
             SenseVoiceModel fresh = open(TestModels.SHERPA, Precision.FP32)) {
            used.runBestPaths(large); // leaves its features and logits in the buffers the next run reuses
            List<BestPath> paths = used.runBestPaths(padded);
            List<Logits> logits = fresh.run(padded);
            for (int i = 0; i < 2; i++) {
                BestPath expected = logits.get(i).bestPath();
                assertEquals(padded.items().get(i).frames() + 4, paths.get(i).frames());
                assertArrayEquals(expected.tokens(), paths.get(i).tokens(), "item " + i);
                assertArrayEquals(expected.queryScores(), paths.get(i).queryScores(), 1e-5f, "item " + i);
            }
        }
    }

    @Test
    void theQueryRowsChangeTheOutput() {
        Features x = TestModels.features(20, 5);
        try (SenseVoiceModel model = open(TestModels.SHERPA, Precision.FP32)) {
            Logits en = model.run(TestModels.batch(List.of(x), 4, 14)).get(0);
            Logits zh = model.run(TestModels.batch(List.of(x), 3, 14)).get(0);
            assertTrue(TestModels.maxDifference(en, zh) > 1e-3, "language row had no effect");
        }
    }

    @Test
    void cpuAutoRunsTheInt8FileOneSegmentAtATime() {
        try (SenseVoiceModel model = open(TestModels.SHERPA, Precision.AUTO)) {
            assertTrue(model.quantized());
            assertEquals("model.int8.onnx", model.info().file().getFileName().toString());
            assertEquals(ExecutionDevice.CPU, model.info().device());
            FeatureBatch one = TestModels.batch(List.of(TestModels.features(30, 6)), 0, 15);
            assertEquals(34, model.run(one).get(0).frames());
            FeatureBatch two = TestModels.batch(List.of(TestModels.features(30, 6), TestModels.features(20, 7)), 0, 15);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.run(two));
            assertEquals("quantized model model.int8.onnx runs one segment at a time, not 2", e.getMessage());
        }
    }

    @Test
    void anItemWithoutFramesStillGetsItsFourQueryFrames() {
        List<Features> items = List.of(new Features(new float[0], 0, TestModels.DIM), TestModels.features(5, 8));
        try (SenseVoiceModel model = open(TestModels.SHERPA, Precision.FP32)) {
            List<Logits> logits = model.run(TestModels.batch(items, 0, 15));
            assertEquals(4, logits.get(0).frames());
            assertEquals(9, logits.get(1).frames());
        }
    }

    @Test
    void theInt8FileIsTheSameNetworkWithinQuantizationError() {
        FeatureBatch one = TestModels.batch(List.of(TestModels.features(60, 9)), 4, 14);
        try (SenseVoiceModel fp32 = open(TestModels.SHERPA, Precision.FP32);
             SenseVoiceModel int8 = open(TestModels.SHERPA, Precision.INT8)) {
            Logits a = fp32.run(one).get(0);
            Logits b = int8.run(one).get(0);
            assertTrue(TestModels.maxDifference(a, b) < 1.0, "difference " + TestModels.maxDifference(a, b));
            int same = 0;
            for (int t = 0; t < a.frames(); t++) {
                same += argmax(a, t) == argmax(b, t) ? 1 : 0;
            }
            assertTrue(same >= a.frames() * 0.9, same + " of " + a.frames() + " frames agree");
        }
    }

    private static int argmax(Logits logits, int frame) {
        int best = 0;
        for (int id = 1; id < logits.vocab(); id++) {
            best = logits.get(frame, id) > logits.get(frame, best) ? id : best;
        }
        return best;
    }

    @Test
    void runsSideBySideOnOneSession() throws Exception {
        try (SenseVoiceModel model = open(TestModels.FUNASR, Precision.AUTO)) {
            List<FeatureBatch> batches = IntStream.range(0, 4)
                    .mapToObj(i -> TestModels.batch(List.of(TestModels.features(25 + i, 10 + i)), 0, 14)).toList();
            List<Logits> expected = batches.stream().map(b -> model.run(b).get(0)).toList();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Logits>> futures = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (FeatureBatch b : batches) {
                        futures.add(pool.submit(() -> model.run(b).get(0)));
                    }
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertEquals(0f, TestModels.maxDifference(expected.get(i % 4), futures.get(i).get()));
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void infoNamesTheFileItsHashAndTheDevice() throws IOException {
        try (SenseVoiceModel model = open(TestModels.FUNASR, Precision.AUTO)) {
            ModelInfo info = model.info();
            assertEquals("test-funasr", info.name());
            assertEquals("cpu", info.device().label());
            assertEquals(List.of("speech", "speech_lengths", "language", "textnorm"),
                    info.inputs().stream().map(TensorSpec::name).toList());
            assertEquals(List.of("ctc_logits", "encoder_out_lens"), info.outputs().stream().map(TensorSpec::name).toList());
            String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(info.file())));
            assertEquals(expected, info.sha256());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTokenFileOfTheWrongSizeIsExitThree() throws IOException {
        Path dir = TestModels.copy(TestModels.SHERPA, temp.resolve("m"), "model.onnx");
        List<String> lines = Files.readAllLines(TestModels.SHERPA.resolve("tokens.txt"));
        Files.write(dir.resolve("tokens.txt"), lines.subList(0, lines.size() - 1));
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> open(dir, Precision.AUTO));
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertEquals(dir.resolve("tokens.txt") + ": 391 tokens, but the model's vocab_size is 392; "
                + "use the token file that came with the model", e.getMessage());
    }

    @Test
    void autoWithoutAnNvidiaDeviceRunsOnCpuSilently() {
        List<String> warnings = new ArrayList<>();
        ModelOptions options = ModelOptions.defaults().withThreads(1).withProbe(() -> false);
        try (SenseVoiceModel model = SenseVoiceModel.open(TestModels.SHERPA, options, warnings::add)) {
            assertEquals(ExecutionDevice.CPU, model.info().device());
        }
        assertEquals(List.of(), warnings);
    }

    /** This machine has no CUDA: a probe that claims a GPU makes auto try CUDA, fail, and fall back. */
    @Test
    void autoFallsBackToCpuWithOneWarningQuotingOrt() {
        List<String> warnings = new ArrayList<>();
        ModelOptions options = ModelOptions.defaults().withThreads(1).withProbe(() -> true);
        try (SenseVoiceModel model = SenseVoiceModel.open(TestModels.SHERPA, options, warnings::add)) {
            assertEquals(ExecutionDevice.CPU, model.info().device());
            assertEquals("model.int8.onnx", model.info().file().getFileName().toString());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        String prefix = "CUDA device 0 could not start, running on CPU instead: ";
        assertTrue(warnings.get(0).startsWith(prefix), warnings.get(0));
        assertTrue(warnings.get(0).length() > prefix.length() + 10, "ORT's reason is quoted: " + warnings.get(0));
    }

    @Test
    void explicitCudaThatCannotStartIsExitThree() {
        ModelOptions options = ModelOptions.defaults().withThreads(1).withDevice(DeviceRequest.parse("cuda"));
        SenseVoiceException e = assertThrows(SenseVoiceException.class,
                () -> SenseVoiceModel.open(TestModels.SHERPA, options, w -> { }));
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertTrue(e.getMessage().contains("cannot start cuda:0: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; use --device cpu, or auto to fall back"), e.getMessage());
    }

    private static SenseVoiceModel open(Path dir, Precision precision) {
        return SenseVoiceModel.open(dir, TestModels.cpu().withPrecision(precision), w -> {
            throw new AssertionError("unexpected warning: " + w);
        });
    }
}
