package dev.sensevoice.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The §2.3 test vectors (sherpa-onnx lfr-test.cc) and FunASR's output counts. */
class LfrTest {
    @Test
    void thirteenOneDimensionalFramesGiveTheContractRows() {
        Features frames = new Features(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 13, 1);

        Features stacked = Lfr.SENSE_VOICE.apply(frames);

        assertEquals(3, stacked.frames());
        assertEquals(7, stacked.dim());
        assertArrayEquals(new float[] {
            0, 0, 0, 0, 1, 2, 3,
            3, 4, 5, 6, 7, 8, 9,
            9, 10, 11, 12, 12, 12, 12}, stacked.values());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1,1", "5,1", "6,1", "7,2", "12,2", "13,3", "20,4", "98,17"})
    void outputCountIsCeilOfNOverSix(int n, int expected) {
        assertEquals(expected, Lfr.SENSE_VOICE.outputFrames(n));
        assertEquals(expected, Lfr.SENSE_VOICE.apply(new Features(new float[n * 2], n, 2)).frames());
    }

    @Test
    void stacksWholeFramesEarliestFirst() {
        // Two 2-dim frames: (1,10), (2,20); the single output repeats frame 0 four times, then frame 1.
        Features stacked = Lfr.SENSE_VOICE.apply(new Features(new float[] {1, 10, 2, 20}, 2, 2));

        assertArrayEquals(new float[] {1, 10, 1, 10, 1, 10, 1, 10, 2, 20, 2, 20, 2, 20}, stacked.values());
    }

    @Test
    void oneSecondOfAudioGivesSeventeenModelFrames() {
        assertEquals(98, Fbank.frameCount(16_000));
        assertEquals(17, Lfr.SENSE_VOICE.outputFrames(Fbank.frameCount(16_000)));
    }
}
