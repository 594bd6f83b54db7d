package dev.sensevoice.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDescriptionTest {
    @Test
    void describesBothFilesOfTheSherpaExport() {
        ModelDescription d = ModelDescription.of(TestModels.SHERPA);
        assertEquals(2, d.models().size());
        assertTrue(d.file("model.int8.onnx").orElseThrow().quantized());
        assertEquals(List.of("x", "x_length", "language", "text_norm"),
                d.file("model.onnx").orElseThrow().inputs().stream().map(TensorSpec::name).toList());
        assertEquals(List.of("N", "T", "392"), d.file("model.onnx").orElseThrow().outputs().get(0).shape());
        assertEquals(TestModels.VOCAB, d.tokenCount());
        assertEquals("sense_voice_ctc", d.otherMetadata().get("model_type"));
    }

    @Test
    void linesAbbreviateCmvnAndNameTheRows() {
        List<String> lines = ModelDescription.of(TestModels.FUNASR).lines();
        assertTrue(lines.get(0).endsWith("(funasr export)"), lines.get(0));
        assertTrue(lines.contains("languages  auto 0, zh 3, en 4, yue 7, ja 11, ko 12"), lines.toString());
        assertTrue(lines.contains("  output   encoder_out_lens int32[batch_size]"), lines.toString());
        String negMean = lines.stream().filter(l -> l.startsWith("neg_mean")).findFirst().orElseThrow();
        assertTrue(negMean.startsWith("neg_mean   560 values: ") && negMean.contains(" … "), negMean);
        assertTrue(negMean.length() < 120, negMean);
    }

    @Test
    void abbreviatesLongVectorsOnly() {
        assertEquals("2 values: 1.00000, -2.50000", ModelDescription.abbreviate(new float[] {1f, -2.5f}));
        assertEquals("7 values: 0.00000, 1.00000, 2.00000 … 5.00000, 6.00000",
                ModelDescription.abbreviate(new float[] {0, 1, 2, 3, 4, 5, 6}));
    }
}
