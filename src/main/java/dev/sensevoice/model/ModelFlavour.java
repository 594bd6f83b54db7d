package dev.sensevoice.model;

import java.util.List;
import java.util.Optional;

/**
 * The two exports of SenseVoice Small (contract §1): the same graph under different names. The
 * flavour is told by the ONNX inputs, never by file names alone.
 */
public enum ModelFlavour {
    /** sherpa-onnx: constants in the ONNX metadata, tokens.txt (contract §1.1). */
    SHERPA_ONNX("sherpa-onnx", List.of("x", "x_length", "language", "text_norm"), "logits"),
    /** FunASR / ModelScope: no metadata, am.mvn and tokens.json beside it (contract §1.2). */
    FUNASR("funasr", List.of("speech", "speech_lengths", "language", "textnorm"), "ctc_logits");

    private final String label;
    private final List<String> inputs;
    private final String logits;

    ModelFlavour(String label, List<String> inputs, String logits) {
        this.label = label;
        this.inputs = inputs;
        this.logits = logits;
    }

    /** Input names in order: features, lengths, language rows, text-norm rows. */
    public List<String> inputs() {
        return inputs;
    }

    public String features() {
        return inputs.get(0);
    }

    public String lengths() {
        return inputs.get(1);
    }

    public String language() {
        return inputs.get(2);
    }

    public String textNorm() {
        return inputs.get(3);
    }

    public String logits() {
        return logits;
    }

    public String label() {
        return label;
    }

    /** The flavour whose four inputs these are (in any order), if any. */
    public static Optional<ModelFlavour> ofInputs(List<String> names) {
        for (ModelFlavour flavour : values()) {
            if (names.size() == 4 && names.containsAll(flavour.inputs)) {
                return Optional.of(flavour);
            }
        }
        return Optional.empty();
    }
}
