package dev.sensevoice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelMetadataTest {
    @TempDir
    Path temp;

    @Test
    void sherpaMetadataGivesTheContractRows() {
        ModelMetadata m = ModelMetadata.load(TestModels.SHERPA);
        assertEquals(TestModels.VOCAB, m.vocabSize());
        assertEquals(7, m.lfrWindowSize());
        assertEquals(6, m.lfrWindowShift());
        assertFalse(m.normalizeSamples());
        assertEquals(Map.of("auto", 0, "zh", 3, "en", 4, "yue", 7, "ja", 11, "ko", 12), m.languageRows());
        assertEquals(14, m.textNormRow(true));
        assertEquals(15, m.textNormRow(false));
        assertEquals(0, m.blankId());
        assertEquals(TestModels.DIM, m.cmvn().dim());
    }

    @Test
    void cmvnLooksLikeTheRealAmMvn() {
        float[] negMean = ModelMetadata.load(TestModels.SHERPA).cmvn().negMean();
        float[] invStddev = ModelMetadata.load(TestModels.SHERPA).cmvn().invStddev();
        for (int d = 0; d < TestModels.DIM; d++) {
            assertEquals(negMean[d % 80], negMean[d], "80 values repeated 7 times");
            assertTrue(negMean[d] < -6 && negMean[d] > -14, "neg_mean " + negMean[d]);
            assertTrue(invStddev[d] > 0.1 && invStddev[d] < 0.2, "inv_stddev " + invStddev[d]);
        }
    }

    @Test
    void funAsrAmMvnHoldsTheSameVectorsAsSherpaMetadata() {
        ModelMetadata sherpa = ModelMetadata.load(TestModels.SHERPA);
        ModelMetadata funasr = ModelMetadata.load(TestModels.FUNASR);
        assertArrayEquals(sherpa.cmvn().negMean(), funasr.cmvn().negMean());
        assertArrayEquals(sherpa.cmvn().invStddev(), funasr.cmvn().invStddev());
        assertEquals(sherpa, withCmvn(funasr, sherpa));
    }

    @Test
    void aMissingMetadataKeyIsNamed() throws IOException {
        Path dir = TestModels.copy(TestModels.SHERPA, temp.resolve("m"), "tokens.txt");
        byte[] bytes = Files.readAllBytes(TestModels.SHERPA.resolve("model.onnx"));
        Files.write(dir.resolve("model.onnx"), ModelFilesTest.replaceAll(bytes, "neg_mean", "neg_meaX"));
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> ModelMetadata.load(dir));
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertEquals(dir.resolve("model.onnx") + ": metadata key neg_mean missing; is this a SenseVoice export?",
                e.getMessage());
    }

    @Test
    void aDamagedAmMvnIsNamed() throws IOException {
        Path dir = TestModels.copy(TestModels.FUNASR, temp.resolve("f"), "model.onnx", "tokens.json");
        Files.writeString(dir.resolve("am.mvn"), "<Nnet>\n<AddShift> 2 2\n<LearnRateCoef> 0 [ 1 2 ]\n</Nnet>\n");
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> ModelMetadata.load(dir));
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertTrue(e.getMessage().startsWith(dir.resolve("am.mvn") + ": no <Rescale> row found"), e.getMessage());
    }

    /** Equality of records compares arrays by identity, so compare everything but CMVN this way. */
    private static ModelMetadata withCmvn(ModelMetadata m, ModelMetadata cmvnFrom) {
        return new ModelMetadata(m.vocabSize(), m.lfrWindowSize(), m.lfrWindowShift(), m.normalizeSamples(),
                cmvnFrom.cmvn(), m.languageRows(), m.withItnRow(), m.withoutItnRow(), m.blankId());
    }
}
