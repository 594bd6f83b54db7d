package dev.sensevoice.frontend;

/**
 * Features of one segment: {@code frames} rows of {@code dim} values, stored row-major in one array
 * so they copy straight into a tensor. What the model receives is LFR stacked and CMVN normalised
 * (560 per row); the frontend's earlier stages (fbank, 80 per row) use the same shape.
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
