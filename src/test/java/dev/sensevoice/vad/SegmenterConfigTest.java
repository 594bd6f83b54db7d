package dev.sensevoice.vad;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SegmenterConfigTest {
    private static String rejection(VadMode mode, double threshold, int minSpeech, int minSilence, int pad,
                                    double maxSegment, double merge) {
        return assertThrows(IllegalArgumentException.class,
                () -> new SegmenterConfig(mode, threshold, minSpeech, minSilence, pad, maxSegment, merge)).getMessage();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        SegmenterConfig config = SegmenterConfig.defaults();
        assertEquals(VadMode.SILERO, config.mode());
        assertEquals(0.5, config.threshold());
        assertEquals(30, config.maxSegmentS());
        assertEquals(15, config.mergeS());
    }

    @Test
    void namesTheBadValueAndItsRange() {
        assertEquals("max-segment-s (0) must be between 1 and 600",
                rejection(VadMode.SILERO, 0.5, 250, 500, 200, 0, 15));
        assertEquals("max-segment-s (600.5) must be between 1 and 600",
                rejection(VadMode.SILERO, 0.5, 250, 500, 200, 600.5, 15));
        assertEquals("merge-s (-1) must be between 0 (off) and 3600",
                rejection(VadMode.SILERO, 0.5, 250, 500, 200, 30, -1));
        assertEquals("vad-threshold (1) must be between 0 and 1",
                rejection(VadMode.SILERO, 1, 250, 500, 200, 30, 15));
        assertEquals("vad-threshold (NaN) must be between 0 and 1",
                rejection(VadMode.SILERO, Double.NaN, 250, 500, 200, 30, 15));
        assertEquals("min-speech-ms (-5) must be between 0 and 10000",
                rejection(VadMode.SILERO, 0.5, -5, 500, 200, 30, 15));
        assertEquals("min-silence-ms (20000) must be between 0 and 10000",
                rejection(VadMode.SILERO, 0.5, 250, 20000, 200, 30, 15));
        assertEquals("speech-pad-ms (300) must be at most a quarter of max-segment-s (1)",
                rejection(VadMode.SILERO, 0.5, 250, 500, 300, 1, 15));
    }

    @Test
    void parsesModesCaseInsensitively() {
        assertEquals(VadMode.ENERGY, VadMode.parse("Energy"));
        assertEquals("none", VadMode.NONE.optionValue());
        assertEquals("vad (webrtc) must be one of silero, energy, none",
                assertThrows(IllegalArgumentException.class, () -> VadMode.parse("webrtc")).getMessage());
    }
}
