package dev.sensevoice.frontend;

/**
 * Model-ready features of one segment: {@code frames} rows of {@code dim} values (LFR stacked and
 * CMVN normalised), stored row-major in one array so they copy straight into a tensor.
 */
public record Features(float[] values, int frames, int dim) {
    public Features {
        if (frames < 0 || dim <= 0 || values.length != frames * dim) {
            throw new IllegalArgumentException(
                    "features: " + values.length + " values for " + frames + " x " + dim);
        }
    }

    public float get(int frame, int d) {
        return values[frame * dim + d];
    }
}
