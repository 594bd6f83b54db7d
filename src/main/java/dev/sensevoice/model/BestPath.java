package dev.sensevoice.model;

import java.nio.FloatBuffer;

/**
 * What decoding needs of one item's logits, reduced where they are produced: the best token of
 * every valid frame (greedy CTC's per-frame argmax, the lowest id on ties) and the full scores of
 * the query frames (the tags; --allowed-langs compares the language frame's scores). A few KB per
 * segment instead of frames × vocabulary floats (~50 MB for 30 s with the real model), so results
 * waiting for post-processing cost next to nothing.
 */
public record BestPath(int[] tokens, float[] queryScores, int vocab) {
    /** Query frames come first in the logits: language, emotion, event, text normalisation. */
    public static final int QUERY_FRAMES = 4;

    public BestPath {
        if (vocab <= 0 || queryScores.length != Math.min(tokens.length, QUERY_FRAMES) * vocab) {
            throw new IllegalArgumentException("best path: " + queryScores.length + " query scores for "
                    + tokens.length + " frames x " + vocab);
        }
    }

    public int frames() {
        return tokens.length;
    }

    /** The raw score of token {@code id} at query frame {@code frame} (0..3). */
    public float queryScore(int frame, int id) {
        return queryScores[frame * vocab + id];
    }

    /** Reduces {@code frames} rows of {@code vocab} scores starting at {@code offset} in {@code logits}. */
    public static BestPath of(FloatBuffer logits, int offset, int frames, int vocab) {
        int[] tokens = new int[frames];
        float[] query = new float[Math.min(frames, QUERY_FRAMES) * vocab];
        float[] row = new float[vocab];
        for (int t = 0; t < frames; t++) {
            // one bulk copy per row, then a plain array loop: far faster than per-element buffer reads
            logits.get(offset + t * vocab, row);
            tokens[t] = argmax(row);
            if (t < QUERY_FRAMES) {
                System.arraycopy(row, 0, query, t * vocab, vocab);
            }
        }
        return new BestPath(tokens, query, vocab);
    }

    /** Strictly-greater comparison keeps the first maximum, like std::max_element (contract §4.1). */
    private static int argmax(float[] row) {
        int best = 0;
        float bestValue = row[0];
        for (int i = 1; i < row.length; i++) {
            if (row[i] > bestValue) {
                bestValue = row[i];
                best = i;
            }
        }
        return best;
    }
}
