package dev.sensevoice.transcribe;

import dev.sensevoice.frontend.Features;

/** Feature stage: one segment's 16 kHz samples to model features. Called from several threads. */
@FunctionalInterface
public interface FeatureExtraction {
    Features compute(float[] samples);
}
