package dev.sensevoice.frontend;

/**
 * The three stages of one segment's features, kept apart for inspection.
 *
 * @param fbank log-mel frames, 80 values each
 * @param lfr stacked frames before normalisation
 * @param normalized stacked frames after CMVN: what the model receives
 */
public record FeatureStages(Features fbank, Features lfr, Features normalized) {
    public Features get(FeatureStage stage) {
        return switch (stage) {
            case FBANK -> fbank;
            case LFR -> lfr;
            case CMVN -> normalized;
        };
    }
}
