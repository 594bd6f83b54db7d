package dev.sensevoice.frontend;

import java.util.function.Supplier;

/** The stages of SenseVoice's frontend, in order: fbank, then LFR stacking, then CMVN. */
public enum FeatureStage {
    FBANK,
    LFR,
    CMVN;

    /**
     * SenseVoice's frontend (samples ×32768, LFR 7/6) run on {@code samples} up to this stage.
     *
     * @param cmvn asked for only by {@link #CMVN}, so the earlier stages need no model
     */
    public Features computeUpTo(float[] samples, Supplier<Cmvn> cmvn) {
        Features mel = Fbank.forNormalizeSamples(false).compute(samples);
        if (this == FBANK) {
            return mel;
        }
        Features stacked = Lfr.SENSE_VOICE.apply(mel);
        return this == LFR ? stacked : cmvn.get().applyInPlace(stacked);
    }
}
