package dev.sensevoice.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmvnTest {
    private static final String AM_MVN = """
            <Nnet>
            <Splice> 3 3
            [ 0 ]
            <AddShift> 3 3
            <LearnRateCoef> 0 [ -1.5 -2 0.25 ]
            <Rescale> 3 3
            <LearnRateCoef> 0 [ 2 0.5 -4 ]
            </Nnet>
            """;

    @Test
    void addsThenMultipliesEveryFrame() {
        Cmvn cmvn = new Cmvn(new float[] {-1, 2}, new float[] {3, 0.5f});
        Features f = new Features(new float[] {1, 2, 3, 4}, 2, 2);

        cmvn.applyInPlace(f);

        assertArrayEquals(new float[] {0, 2, 6, 3}, f.values());
    }

    @Test
    void rejectsFeaturesOfAnotherDimension() {
        Cmvn cmvn = new Cmvn(new float[] {0, 0}, new float[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> cmvn.applyInPlace(new Features(new float[3], 1, 3)));
    }

    @Test
    void readsShiftAndScaleRowsOfAmMvn() {
        Cmvn cmvn = AmMvn.parse(AM_MVN, "am.mvn");

        assertArrayEquals(new float[] {-1.5f, -2f, 0.25f}, cmvn.negMean());
        assertArrayEquals(new float[] {2f, 0.5f, -4f}, cmvn.invStddev());
    }

    @Test
    void readsTheCommittedFixtureFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("am.mvn");
        Files.write(file, TestAudio.bytes("fixture.am.mvn"));

        Cmvn cmvn = AmMvn.read(file);

        assertEquals(560, cmvn.dim());
        assertEquals(-8.3f, cmvn.negMean()[0], 1e-6f);
        assertEquals(0.17f, cmvn.invStddev()[0], 1e-6f);
    }

    @Test
    void amMvnErrorsNameTheFile() {
        SenseVoiceException missing = assertThrows(SenseVoiceException.class,
                () -> AmMvn.parse(AM_MVN.replace("<Rescale>", "<Other>"), "/models/x/am.mvn"));
        SenseVoiceException bad = assertThrows(SenseVoiceException.class,
                () -> AmMvn.parse(AM_MVN.replace("-2", "x2"), "/models/x/am.mvn"));
        SenseVoiceException unequal = assertThrows(SenseVoiceException.class,
                () -> AmMvn.parse(AM_MVN.replace("0.5 -4", "0.5"), "/models/x/am.mvn"));

        assertEquals("/models/x/am.mvn: no <Rescale> row found, so this is not a FunASR am.mvn file;"
                + " re-export or re-download the model", missing.getMessage());
        assertTrue(bad.getMessage().startsWith("/models/x/am.mvn: <AddShift> value 2 ('x2')"), bad.getMessage());
        assertTrue(unequal.getMessage().contains("3 values but <Rescale> has 2"), unequal.getMessage());
        assertEquals(ExitCode.MODEL_START, missing.exitCode());
    }

    @Test
    void unreadableAmMvnNamesTheFile(@TempDir Path dir) {
        Path file = dir.resolve("am.mvn");
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> AmMvn.read(file));
        assertTrue(e.getMessage().startsWith(file + ": cannot read CMVN file"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void readsSherpaMetadataStrings() {
        Cmvn cmvn = Cmvn.fromMetadata("-8.311879,-8.600912,-9.615928", "0.155775,0.154484,0.1527379", "model.onnx");

        assertArrayEquals(new float[] {-8.311879f, -8.600912f, -9.615928f}, cmvn.negMean());
        assertArrayEquals(new float[] {0.155775f, 0.154484f, 0.1527379f}, cmvn.invStddev());
    }

    @Test
    void metadataErrorsNameTheFileAndKey() {
        SenseVoiceException empty = assertThrows(SenseVoiceException.class,
                () -> Cmvn.fromMetadata("", "1", "m/model.onnx"));
        SenseVoiceException unequal = assertThrows(SenseVoiceException.class,
                () -> Cmvn.fromMetadata("1,2", "1", "m/model.onnx"));
        SenseVoiceException bad = assertThrows(SenseVoiceException.class,
                () -> Cmvn.fromMetadata("1", "abc", "m/model.onnx"));

        assertTrue(empty.getMessage().startsWith("m/model.onnx: metadata key neg_mean is missing"));
        assertTrue(unequal.getMessage().contains("neg_mean has 2 values but inv_stddev has 1"));
        assertTrue(bad.getMessage().contains("inv_stddev value 1 ('abc') is not a number"));
    }
}
