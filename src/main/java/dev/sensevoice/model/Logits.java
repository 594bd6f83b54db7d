package dev.sensevoice.model;

import java.nio.FloatBuffer;

/**
 * CTC logits of one batch item: only its valid frames ({@code x_length + 4}, the four query
 * frames first), {@code vocab} raw scores each, row-major.
 */
public record Logits(float[] values, int frames, int vocab) {
    public Logits {
        if (frames < 0 || vocab <= 0 || values.length != frames * vocab) {
            throw new IllegalArgumentException(
                    "logits: " + values.length + " values for " + frames + " x " + vocab);
        }
    }

    public float get(int frame, int id) {
        return values[frame * vocab + id];
    }

    /** The best token per frame and the query frames' scores: all that decoding reads. */
    public BestPath bestPath() {
        return BestPath.of(FloatBuffer.wrap(values), 0, frames, vocab);
    }
}
