package dev.sensevoice.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
    private static final Cmvn CMVN = cmvn(560);
    private final FeatureExtractor extractor = new FeatureExtractor(FrontendConfig.senseVoice(CMVN));
    private final float[] speech = TestAudio.wav("speech.wav");

    @Test
    void stagesChainFbankLfrAndCmvn() {
        FeatureStages stages = extractor.stages(speech);

        assertEquals(198, stages.fbank().frames());
        assertEquals(80, stages.fbank().dim());
        assertArrayEquals(Lfr.SENSE_VOICE.apply(stages.fbank()).values(), stages.lfr().values());
        assertEquals((stages.lfr().get(5, 100) + CMVN.negMean()[100]) * CMVN.invStddev()[100],
                stages.normalized().get(5, 100), 1e-6);
        assertArrayEquals(extractor.extract(speech).values(), stages.normalized().values());
        assertEquals(stages.fbank(), stages.get(FeatureStage.FBANK));
    }

    @Test
    void featureStageComputesTheSameStagesAndAsksForCmvnOnlyWhenNeeded() {
        FeatureStages stages = extractor.stages(speech);

        assertArrayEquals(stages.fbank().values(), FeatureStage.FBANK.computeUpTo(speech, () -> {
            throw new AssertionError("fbank needs no CMVN");
        }).values());
        assertArrayEquals(stages.lfr().values(), FeatureStage.LFR.computeUpTo(speech, () -> null).values());
        assertArrayEquals(stages.normalized().values(), FeatureStage.CMVN.computeUpTo(speech, () -> CMVN).values());
    }

    @Test
    void extractsARangeAndCountsItsFrames() {
        Features whole = extractor.extract(Arrays.copyOfRange(speech, 1600, 17600));

        assertArrayEquals(whole.values(), extractor.extract(speech, 1600, 16000).values());
        assertEquals(17, whole.frames());
        assertEquals(17, extractor.frameCount(16000));
    }

    @Test
    void audioShorterThanOneFrameGivesNoFeatures() {
        Features none = extractor.extract(new float[399]);

        assertEquals(0, none.frames());
        assertEquals(560, none.dim());
    }

    @Test
    void configRejectsCmvnOfTheWrongWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrontendConfig.senseVoice(cmvn(80)));
        assertTrue(e.getMessage().contains("cmvn has 80 values but LFR 7/6 makes 560-dimensional features"));
    }

    private static Cmvn cmvn(int dim) {
        float[] shift = new float[dim];
        float[] scale = new float[dim];
        for (int d = 0; d < dim; d++) {
            shift[d] = -10f + d / 100f;
            scale[d] = 0.1f + d / 10000f;
        }
        return new Cmvn(shift, scale);
    }
}
