package dev.sensevoice.vad;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Java Silero probabilities against upstream's algorithm run by Python onnxruntime (fixture README). */
class SileroVadTest {
    private static final Path FIXTURES = fixtures();

    private static Path fixtures() {
        try {
            return Path.of(SileroVadTest.class.getResource("/vad/speech-16k.wav").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void probabilitiesMatchTheUpstreamReference() throws Exception {
        float[] input = SileroSegmenterTest.read(FIXTURES.resolve("speech-16k.wav"));
        List<String> lines = Files.readAllLines(FIXTURES.resolve("silero-probs.txt"));
        double[] expected = lines.stream().filter(l -> !l.startsWith("#")).mapToDouble(Double::parseDouble).toArray();
        int frames = (input.length + 511) / 512;
        assertEquals(expected.length, frames);
        double worst = 0;
        try (SileroModel model = SileroModel.open(null); SileroVad vad = new SileroVad(model)) {
            for (int i = 0; i < frames; i++) {
                float[] frame = Arrays.copyOfRange(input, i * 512, i * 512 + 512);
                worst = Math.max(worst, Math.abs(vad.speechProbability(frame) - expected[i]));
            }
        }
        assertTrue(worst < 1e-5, "largest difference " + worst);
        assertTrue(Arrays.stream(expected).anyMatch(p -> p > 0.9) && Arrays.stream(expected).anyMatch(p -> p < 0.1));
    }

    @Test
    void eachStreamStartsFromAFreshState() throws Exception {
        float[] input = SileroSegmenterTest.read(FIXTURES.resolve("speech-16k.wav"));
        float[] frame = Arrays.copyOfRange(input, 40 * 512, 41 * 512);
        try (SileroModel model = SileroModel.open(null); SileroVad used = new SileroVad(model);
             SileroVad fresh = new SileroVad(model)) {
            float first = used.speechProbability(frame);
            used.speechProbability(frame);
            assertEquals(first, fresh.speechProbability(frame));
        }
    }
}
