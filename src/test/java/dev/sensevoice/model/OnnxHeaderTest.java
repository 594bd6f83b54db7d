package dev.sensevoice.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.sensevoice.SenseVoiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OnnxHeaderTest {
    @ParameterizedTest
    @ValueSource(strings = {"models/sensevoice-tiny-digits/model.onnx",
            "src/test/resources/models/test-sherpa/model.onnx",
            "src/test/resources/models/test-sherpa/model.int8.onnx",
            "src/test/resources/models/test-funasr/model.onnx"})
    void readsWhatOnnxRuntimeReads(String path) throws Exception {
        OnnxHeader header = OnnxHeader.read(Path.of(path));
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(path, new OrtSession.SessionOptions())) {
            assertEquals(session.getMetadata().getCustomMetadata(), header.metadata());
            assertEquals(List.copyOf(session.getInputNames()), header.inputNames());
            assertEquals(List.copyOf(session.getOutputNames()), header.outputNames());
        }
        assertEquals("float", header.inputs().get(0).type()); // x (sherpa) or speech (FunASR)
        assertEquals(path.contains("int8"), header.quantized());
        assertTrue(header.operators().contains("MatMul") || header.operators().contains("MatMulInteger"),
                header.operators().toString());
    }

    @Test
    void aTruncatedOrForeignFileIsNotAnOnnxModel(@TempDir Path dir) throws Exception {
        byte[] model = Files.readAllBytes(Path.of("models/sensevoice-tiny-digits/model.onnx"));
        Path truncated = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(model, model.length / 2));
        byte[] noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        Path foreign = Files.write(dir.resolve("noise.onnx"), noise);
        for (Path file : List.of(truncated, foreign)) {
            SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> OnnxHeader.read(file));
            assertTrue(e.getMessage().startsWith(file + ": not an ONNX model"), e.getMessage());
        }
        assertFalse(OnnxHeader.read(Path.of("models/sensevoice-tiny-digits/model.onnx")).metadata().isEmpty());
    }
}
