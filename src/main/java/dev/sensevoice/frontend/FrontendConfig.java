package dev.sensevoice.frontend;

import java.util.Objects;

/**
 * How a model wants its features made (from its metadata or side files).
 *
 * @param lfr frame stacking (SenseVoice: 7/6)
 * @param normalizeSamples the model's {@code normalize_samples}: false means samples are scaled
 *     to the int16 range (×32768) before the fbank, as SenseVoice expects
 * @param cmvn normalisation applied after stacking; its dimension must be {@code 80·lfr.m()}
 */
public record FrontendConfig(Lfr lfr, boolean normalizeSamples, Cmvn cmvn) {
    public FrontendConfig {
        Objects.requireNonNull(lfr, "lfr");
        Objects.requireNonNull(cmvn, "cmvn");
        int dim = Fbank.NUM_MEL_BINS * lfr.m();
        if (cmvn.dim() != dim) {
            throw new IllegalArgumentException("cmvn has " + cmvn.dim() + " values but LFR "
                    + lfr.m() + "/" + lfr.n() + " makes " + dim + "-dimensional features");
        }
    }

    /** SenseVoice Small's frontend: LFR 7/6, samples ×32768, with the model's CMVN. */
    public static FrontendConfig senseVoice(Cmvn cmvn) {
        return new FrontendConfig(Lfr.SENSE_VOICE, false, cmvn);
    }

    public int featureDim() {
        return Fbank.NUM_MEL_BINS * lfr.m();
    }
}
