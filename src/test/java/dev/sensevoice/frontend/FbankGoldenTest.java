package dev.sensevoice.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the Java frontend with goldens written by scripts/make-fbank-golden.py
 * (torchaudio's Kaldi fbank; numpy FunASR LFR + CMVN) on committed espeak-ng/sox WAVs.
 */
class FbankGoldenTest {
    private static final double TOLERANCE = 1e-3;

    @ParameterizedTest
    @ValueSource(strings = {"speech", "noisy", "short", "quiet"})
    void fbankMatchesTorchaudio(String name) {
        float[] samples = TestAudio.wav(name + ".wav");
        float[] golden = TestAudio.floats(name + ".fbank.f32");

        Features mel = new Fbank(Fbank.INT16_SCALE).compute(samples);

        assertEquals(golden.length / Fbank.NUM_MEL_BINS, mel.frames(), "frame count");
        assertEquals(Fbank.frameCount(samples.length), mel.frames());
        assertClose(name + " fbank", golden, mel.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"speech", "short"})
    void lfrAndCmvnMatchNumpy(String name) {
        float[] samples = TestAudio.wav(name + ".wav");
        float[] golden = TestAudio.floats(name + ".cmvn.f32");
        Cmvn cmvn = AmMvn.parse(new String(TestAudio.bytes("fixture.am.mvn"), StandardCharsets.UTF_8),
                "fixture.am.mvn");

        Features features = new FeatureExtractor(FrontendConfig.senseVoice(cmvn)).extract(samples);

        assertEquals(560, features.dim());
        assertEquals(golden.length / 560, features.frames(), "LFR frame count");
        assertClose(name + " lfr+cmvn", golden, features.values());
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + " value count");
        double maxDelta = 0;
        int worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double delta = Math.abs(expected[i] - actual[i]);
            if (delta > maxDelta) {
                maxDelta = delta;
                worst = i;
            }
        }
        System.out.printf("%s: max |delta| = %.3g at value %d of %d%n", what, maxDelta, worst, expected.length);
        assertTrue(maxDelta <= TOLERANCE, what + ": max |delta| " + maxDelta + " at value " + worst
                + " (expected " + expected[worst] + ", got " + actual[worst] + ")");
    }
}
