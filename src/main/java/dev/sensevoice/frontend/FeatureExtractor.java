package dev.sensevoice.frontend;

import java.util.Arrays;

/**
 * Samples to model features (contract §2): fbank, then LFR stacking, then CMVN. Immutable and
 * thread-safe: one instance can serve every worker.
 */
public final class FeatureExtractor {
    private final FrontendConfig config;
    private final Fbank fbank;

    public FeatureExtractor(FrontendConfig config) {
        this.config = config;
        this.fbank = Fbank.forNormalizeSamples(config.normalizeSamples());
    }

    public FrontendConfig config() {
        return config;
    }

    /** Features of 16 kHz mono samples in [-1, 1]; zero frames when shorter than 25 ms. */
    public Features extract(float[] samples) {
        return extract(samples, 0, samples.length);
    }

    public Features extract(float[] samples, int offset, int length) {
        Features stacked = config.lfr().apply(fbank.compute(samples, offset, length));
        return config.cmvn().applyInPlace(stacked);
    }

    /** Every stage of the same computation, for inspection. */
    public FeatureStages stages(float[] samples) {
        Features mel = fbank.compute(samples);
        Features stacked = config.lfr().apply(mel);
        Features copy = new Features(Arrays.copyOf(stacked.values(), stacked.values().length),
                stacked.frames(), stacked.dim());
        return new FeatureStages(mel, stacked, config.cmvn().applyInPlace(copy));
    }

    /** LFR frames the model will see for {@code samples} input samples. */
    public int frameCount(int samples) {
        return config.lfr().outputFrames(Fbank.frameCount(samples));
    }
}
