package dev.sensevoice.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FbankTest {
    private final Fbank fbank = new Fbank(Fbank.INT16_SCALE);

    @ParameterizedTest
    @CsvSource({"0,0", "399,0", "400,1", "559,1", "560,2", "16000,98", "4800,28"})
    void countsSnipEdgesFrames(int samples, int frames) {
        assertEquals(frames, Fbank.frameCount(samples));
        assertEquals(frames, fbank.compute(new float[samples]).frames());
    }

    @Test
    void digitalSilenceSitsAtTheLogFloor() {
        Features mel = fbank.compute(new float[800]);

        for (float v : mel.values()) {
            assertEquals(Math.log(1.1920929e-07f), v, 1e-6);
        }
    }

    @Test
    void aConstantOffsetIsRemovedWithTheFrameMean() {
        float[] dc = new float[1000];
        Arrays.fill(dc, 0.25f);

        for (float v : fbank.compute(dc).values()) {
            assertEquals(Math.log(1.1920929e-07f), v, 1e-6);
        }
    }

    @Test
    void aToneLightsUpTheMelBinAroundItsFrequency() {
        float[] tone = new float[1600];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }
        Features mel = fbank.compute(tone);

        int loudest = 0;
        for (int b = 1; b < 80; b++) {
            loudest = mel.get(0, b) > mel.get(0, loudest) ? b : loudest;
        }
        // 1000 Hz is mel 999.99; centres sit at mel(20) + (b+1)·Δ with Δ = (2840.0 - 31.75)/81 = 34.67.
        assertEquals(27, loudest);
    }

    @Test
    void scaleOneDiffersFromInt16ScaleByTwiceLnOfTheScale() {
        float[] tone = new float[400];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) Math.sin(i * 0.3);
        }
        float scaled = fbank.compute(tone).get(0, 40);
        float unscaled = Fbank.forNormalizeSamples(true).compute(tone).get(0, 40);

        assertEquals(2 * Math.log(32768), scaled - unscaled, 1e-3);
    }

    @Test
    void computesARangeOfALongerBuffer() {
        float[] samples = TestAudio.wav("short.wav");
        float[] padded = new float[samples.length + 300];
        System.arraycopy(samples, 0, padded, 100, samples.length);

        assertArrayEquals(fbank.compute(samples).values(), fbank.compute(padded, 100, samples.length).values());
        assertThrows(IndexOutOfBoundsException.class, () -> fbank.compute(padded, 400, samples.length));
    }

    @Test
    void rejectsANonPositiveScale() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Fbank(0));
        assertTrue(e.getMessage().contains("must be positive"));
    }
}
