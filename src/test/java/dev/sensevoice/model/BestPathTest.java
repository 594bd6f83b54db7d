package dev.sensevoice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class BestPathTest {
    @Test
    void eachFrameKeepsItsBestTokenTheLowestOnTies() {
        float[] values = {
            0, 3, 1, // frame 0: 1
            2, 2, 2, // frame 1: a tie, 0
            -5, -4, -1, // frame 2: 2
            1, 7, 7, // frame 3: tie of 1 and 2, 1
            9, 0, 0, // frame 4: 0
        };
        BestPath best = new Logits(values, 5, 3).bestPath();
        assertArrayEquals(new int[] {1, 0, 2, 1, 0}, best.tokens());
        assertEquals(5, best.frames());
    }

    @Test
    void onlyTheQueryFramesKeepTheirScores() {
        float[] values = new float[6 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        BestPath best = new Logits(values, 6, 2).bestPath();
        assertEquals(4 * 2, best.queryScores().length);
        assertEquals(0f, best.queryScore(0, 0));
        assertEquals(7f, best.queryScore(3, 1));
    }

    @Test
    void readsOneItemOfABatchAtItsOffset() {
        // two items of 2 frames x 2 tokens; the second starts at float 4
        FloatBuffer batch = FloatBuffer.wrap(new float[] {1, 0, 1, 0, /* item 1 */ 0, 1, 5, 6});
        BestPath second = BestPath.of(batch, 4, 2, 2);
        assertArrayEquals(new int[] {1, 1}, second.tokens());
        assertArrayEquals(new float[] {0, 1, 5, 6}, second.queryScores());
    }

    @Test
    void anItemShorterThanTheQueryFramesKeepsWhatItHas() {
        BestPath best = new Logits(new float[] {0, 1, 1, 0}, 2, 2).bestPath();
        assertArrayEquals(new int[] {1, 0}, best.tokens());
        assertEquals(4, best.queryScores().length);
        assertThrows(IllegalArgumentException.class, () -> new BestPath(new int[5], new float[3], 2));
    }
}
