package dev.sensevoice.model;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one model directory and its flavour, as found on disk (contract §1): a sherpa-onnx
 * export ({@code model.onnx} / {@code model.int8.onnx}, {@code tokens.txt}, metadata inside the
 * ONNX file) or a FunASR export ({@code model.onnx} / {@code model_quant.onnx}, {@code am.mvn},
 * {@code tokens.json}). The flavour comes from the ONNX inputs, read without starting ORT.
 */
public record ModelFiles(Path dir, ModelFlavour flavour, Optional<Path> fp32, Optional<Path> int8,
                         Path tokens, Optional<Path> amMvn) {
    static final String FP32 = "model.onnx";
    static final String SHERPA_INT8 = "model.int8.onnx";
    static final String FUNASR_INT8 = "model_quant.onnx";

    public ModelFiles {
        if (fp32.isEmpty() && int8.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no model file");
        }
    }

    /** Finds the model files in {@code dir}; a directory that is not a SenseVoice model: one-line error, exit 3. */
    public static ModelFiles locate(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw fail(dir + ": no such model directory");
        }
        Optional<Path> fp32 = existing(dir.resolve(FP32));
        Optional<Path> int8 = existing(dir.resolve(SHERPA_INT8)).or(() -> existing(dir.resolve(FUNASR_INT8)));
        Path first = fp32.or(() -> int8).orElseThrow(() -> fail(dir + ": no " + FP32 + ", "
                + SHERPA_INT8 + " or " + FUNASR_INT8 + "; is this a SenseVoice model directory?"));
        ModelFlavour flavour = flavourOf(OnnxHeader.read(first));
        return new ModelFiles(dir, flavour, fp32, int8, tokensOf(dir, flavour), amMvnOf(dir, flavour));
    }

    /** The flavour whose inputs the file declares, or a one-line error naming the inputs it has. */
    static ModelFlavour flavourOf(OnnxHeader header) {
        return ModelFlavour.ofInputs(header.inputNames()).orElseThrow(() -> fail(header.file()
                + ": inputs " + header.inputNames() + " are neither sherpa-onnx's "
                + ModelFlavour.SHERPA_ONNX.inputs() + " nor FunASR's " + ModelFlavour.FUNASR.inputs()
                + "; is this a SenseVoice export?"));
    }

    /**
     * The file to run: {@code precision} if asked for explicitly, else int8 on CPU and fp32 on
     * CUDA when the directory has both, else whichever exists.
     */
    public Path choose(Precision precision, ExecutionDevice device) {
        return switch (precision) {
            case FP32 -> fp32.orElseThrow(() -> fail(dir + ": no " + FP32 + " (fp32); choose int8"));
            case INT8 -> int8.orElseThrow(() -> fail(dir + ": no " + SHERPA_INT8 + " or "
                    + FUNASR_INT8 + " (int8); choose fp32"));
            case AUTO -> device instanceof ExecutionDevice.Cuda
                    ? fp32.or(() -> int8).orElseThrow()
                    : int8.or(() -> fp32).orElseThrow();
        };
    }

    /** By file name: the two exports name their dynamically quantized files this way. */
    public static boolean quantizedName(Path file) {
        String name = file.getFileName().toString();
        return name.equals(SHERPA_INT8) || name.equals(FUNASR_INT8);
    }

    private static Path tokensOf(Path dir, ModelFlavour flavour) {
        Path text = dir.resolve("tokens.txt");
        Path json = dir.resolve("tokens.json");
        Optional<Path> found = flavour == ModelFlavour.SHERPA_ONNX
                ? existing(text).or(() -> existing(json))
                : existing(json).or(() -> existing(text));
        return found.orElseThrow(() -> fail(dir + ": no tokens.txt or tokens.json beside the "
                + flavour.label() + " model; copy the vocabulary file that came with it"));
    }

    private static Optional<Path> amMvnOf(Path dir, ModelFlavour flavour) {
        Optional<Path> amMvn = existing(dir.resolve("am.mvn"));
        if (flavour == ModelFlavour.FUNASR && amMvn.isEmpty()) {
            throw fail(dir.resolve("am.mvn") + " missing: a FunASR export keeps its CMVN there; "
                    + "copy it from the model's download");
        }
        return amMvn;
    }

    private static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    static SenseVoiceException fail(String message) {
        return new SenseVoiceException(ExitCode.MODEL_START, message);
    }
}
