package dev.sensevoice.frontend;

/** The stages of the frontend, in order: fbank, then LFR stacking, then CMVN. */
public enum FeatureStage {
    FBANK,
    LFR,
    CMVN
}
