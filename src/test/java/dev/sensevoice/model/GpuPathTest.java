package dev.sensevoice.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CUDA path does that can be checked without a GPU: int8 refusal and frame buckets. */
class GpuPathTest {
    @TempDir
    Path dir;

    @Test
    void int8OnAnExplicitCudaDeviceIsRefusedWithTheReason() {
        ModelOptions options = TestModels.cpu().withDevice(DeviceRequest.parse("cuda:1")).withPrecision(Precision.INT8);
        SenseVoiceException e = assertThrows(SenseVoiceException.class,
                () -> SenseVoiceModel.open(TestModels.SHERPA, options, w -> { }));
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertEquals(TestModels.SHERPA.resolve("model.int8.onnx") + ": model.int8.onnx is int8: its MatMuls run on "
                + "CPU under CUDA; use the fp32 model.onnx on GPUs", e.getMessage());
    }

    @Test
    void autoWithAGpuAndOnlyAnInt8ModelRunsOnCpuAndSaysWhy() {
        Path int8Only = TestModels.copy(TestModels.SHERPA, dir.resolve("int8"), "model.int8.onnx", "tokens.txt");
        List<String> warnings = new ArrayList<>();
        ModelOptions options = TestModels.cpu().withDevice(DeviceRequest.AUTO).withProbe(() -> true);
        try (SenseVoiceModel model = SenseVoiceModel.open(int8Only, options, warnings::add)) {
            assertEquals(ExecutionDevice.CPU, model.info().device());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).endsWith("is int8: its MatMuls run on CPU under CUDA; use the fp32 model.onnx "
                + "on GPUs; running on CPU instead"), warnings.get(0));
    }

    @Test
    void bucketsRoundFrameCountsUp() {
        assertEquals(50, SenseVoiceModel.bucketed(1, 50));
        assertEquals(50, SenseVoiceModel.bucketed(50, 50));
        assertEquals(100, SenseVoiceModel.bucketed(51, 50));
        assertEquals(37, SenseVoiceModel.bucketed(37, 1));
        assertEquals(50, TestModels.cpu().bucketOn(new ExecutionDevice.Cuda(0)));
        assertEquals(1, TestModels.cpu().bucketOn(ExecutionDevice.CPU));
        assertEquals(7, TestModels.cpu().withFrameBucket(7).bucketOn(ExecutionDevice.CPU));
    }

    /** Padding to a bucket is masked by x_length: an fp32 model gives the same logits, valid frames only. */
    @Test
    void bucketPaddingLeavesFp32ResultsUnchanged() {
        FeatureBatch batch = TestModels.batch(List.of(TestModels.features(37, 1), TestModels.features(23, 2)), 0, 15);
        ModelOptions fp32 = TestModels.cpu().withPrecision(Precision.FP32);
        List<Logits> plain;
        List<Logits> bucketed;
        try (SenseVoiceModel model = SenseVoiceModel.open(TestModels.SHERPA, fp32, w -> { })) {
            plain = model.run(batch);
        }
        try (SenseVoiceModel model = SenseVoiceModel.open(TestModels.SHERPA, fp32.withFrameBucket(50), w -> { })) {
            bucketed = model.run(batch);
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(plain.get(i).frames(), bucketed.get(i).frames());
            assertTrue(TestModels.maxDifference(plain.get(i), bucketed.get(i)) < 1e-4f,
                    "item " + i + " differs by " + TestModels.maxDifference(plain.get(i), bucketed.get(i)));
        }
        assertEquals(41, bucketed.get(0).frames());
    }
}
