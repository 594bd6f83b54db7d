package dev.sensevoice.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path temp;

    @Test
    void findsTheSherpaExportAndItsInt8Sibling() {
        ModelFiles files = ModelFiles.locate(TestModels.SHERPA);
        assertEquals(ModelFlavour.SHERPA_ONNX, files.flavour());
        assertEquals("model.onnx", files.fp32().orElseThrow().getFileName().toString());
        assertEquals("model.int8.onnx", files.int8().orElseThrow().getFileName().toString());
        assertEquals("tokens.txt", files.tokens().getFileName().toString());
    }

    @Test
    void findsTheFunAsrExport() {
        ModelFiles files = ModelFiles.locate(TestModels.FUNASR);
        assertEquals(ModelFlavour.FUNASR, files.flavour());
        assertTrue(files.int8().isEmpty());
        assertEquals("tokens.json", files.tokens().getFileName().toString());
        assertEquals("am.mvn", files.amMvn().orElseThrow().getFileName().toString());
    }

    @Test
    void flavourComesFromTheGraphInputsNotTheFileNames() throws IOException {
        Path dir = TestModels.copy(TestModels.FUNASR, temp.resolve("renamed"), "am.mvn", "tokens.json");
        Files.copy(TestModels.FUNASR.resolve("model.onnx"), dir.resolve("model.int8.onnx"));
        assertEquals(ModelFlavour.FUNASR, ModelFiles.locate(dir).flavour());
    }

    @Test
    void cpuPrefersInt8AndCudaPrefersFp32() {
        ModelFiles files = ModelFiles.locate(TestModels.SHERPA);
        assertEquals("model.int8.onnx", name(files.choose(Precision.AUTO, ExecutionDevice.CPU)));
        assertEquals("model.onnx", name(files.choose(Precision.AUTO, new ExecutionDevice.Cuda(0))));
        assertEquals("model.onnx", name(files.choose(Precision.FP32, ExecutionDevice.CPU)));
        assertEquals("model.int8.onnx", name(files.choose(Precision.INT8, new ExecutionDevice.Cuda(1))));
        assertEquals("model.onnx", name(ModelFiles.locate(TestModels.FUNASR).choose(Precision.AUTO, ExecutionDevice.CPU)));
    }

    @Test
    void int8AskedOfADirectoryWithoutOneIsExitThree() {
        ModelFiles files = ModelFiles.locate(TestModels.FUNASR);
        SenseVoiceException e = assertThrows(SenseVoiceException.class,
                () -> files.choose(Precision.INT8, ExecutionDevice.CPU));
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertTrue(e.getMessage().contains("model_quant.onnx"), e.getMessage());
    }

    @Test
    void anEmptyDirectorySaysWhichFilesItLooksFor() {
        SenseVoiceException e = failure(temp);
        assertEquals(temp + ": no model.onnx, model.int8.onnx or model_quant.onnx; "
                + "is this a SenseVoice model directory?", e.getMessage());
    }

    @Test
    void aTextFileNamedModelOnnxIsNotAnOnnxModel() throws IOException {
        Files.writeString(temp.resolve("model.onnx"), "this is not a model\n");
        Files.writeString(temp.resolve("tokens.txt"), "<unk> 0\n");
        SenseVoiceException e = failure(temp);
        assertTrue(e.getMessage().startsWith(temp.resolve("model.onnx") + ": not an ONNX model"), e.getMessage());
    }

    @Test
    void missingTokensAreNamed() {
        Path dir = TestModels.copy(TestModels.SHERPA, temp.resolve("m"), "model.onnx");
        SenseVoiceException e = failure(dir);
        assertTrue(e.getMessage().contains("no tokens.txt or tokens.json"), e.getMessage());
    }

    @Test
    void aFunAsrExportWithoutAmMvnIsNamed() {
        Path dir = TestModels.copy(TestModels.FUNASR, temp.resolve("f"), "model.onnx", "tokens.json");
        SenseVoiceException e = failure(dir);
        assertEquals(dir.resolve("am.mvn") + " missing: a FunASR export keeps its CMVN there; "
                + "copy it from the model's download", e.getMessage());
    }

    @Test
    void anOnnxFileWithOtherInputsIsNotASenseVoiceExport() throws IOException {
        // Renaming one input (same length, so the protobuf stays valid) makes it no known flavour.
        Path dir = TestModels.copy(TestModels.SHERPA, temp.resolve("x"), "tokens.txt");
        byte[] bytes = Files.readAllBytes(TestModels.SHERPA.resolve("model.onnx"));
        Files.write(dir.resolve("model.onnx"), replaceAll(bytes, "text_norm", "text_nrm_"));
        SenseVoiceException e = failure(dir);
        assertTrue(e.getMessage().contains("are neither sherpa-onnx's"), e.getMessage());
        assertTrue(e.getMessage().endsWith("is this a SenseVoice export?"), e.getMessage());
    }

    @Test
    void quantizedNamesAreTheTwoExportsInt8Files() {
        assertTrue(ModelFiles.quantizedName(Path.of("a/model.int8.onnx")));
        assertTrue(ModelFiles.quantizedName(Path.of("model_quant.onnx")));
        assertFalse(ModelFiles.quantizedName(Path.of("model.onnx")));
    }

    private static SenseVoiceException failure(Path dir) {
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> ModelFiles.locate(dir));
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    /** Replaces every occurrence of an ASCII string by another of the same length. */
    static byte[] replaceAll(byte[] bytes, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.US_ASCII);
        byte[] b = to.getBytes(StandardCharsets.US_ASCII);
        int replaced = 0;
        for (int i = 0; i + a.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, bytes, i, b.length);
                replaced++;
            }
        }
        assertTrue(replaced > 0, from + " not found");
        return bytes;
    }
}
