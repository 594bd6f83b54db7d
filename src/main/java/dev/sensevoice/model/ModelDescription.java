package dev.sensevoice.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything {@code sensevoice inspect model DIR} shows, read without starting ONNX Runtime: the
 * flavour, each ONNX file's graph signature, size and sha256, the metadata and the vocabulary.
 */
public record ModelDescription(ModelFiles files, List<FileDescription> models, ModelMetadata metadata,
                               int tokenCount, Map<String, String> otherMetadata) {
    /** Keys shown in their own lines (or abbreviated), so not repeated under "metadata". */
    private static final List<String> SHOWN = List.of("neg_mean", "inv_stddev", "vocab_size",
            "lfr_window_size", "lfr_window_shift", "normalize_samples", "with_itn", "without_itn");

    /** One ONNX file of the directory. */
    public record FileDescription(Path file, long bytes, String sha256, boolean quantized,
                                  List<TensorSpec> inputs, List<TensorSpec> outputs) {
    }

    public ModelDescription {
        models = List.copyOf(models);
        otherMetadata = Map.copyOf(otherMetadata);
    }

    /** Reads the directory; a directory that is not a SenseVoice model: one-line error, exit 3. */
    public static ModelDescription of(Path dir) {
        ModelFiles files = ModelFiles.locate(dir);
        ModelMetadata metadata = ModelMetadata.of(files);
        List<FileDescription> models = new ArrayList<>();
        Map<String, String> other = Map.of();
        for (Path file : files.fp32().stream().toList()) {
            models.add(describe(file));
        }
        for (Path file : files.int8().stream().toList()) {
            models.add(describe(file));
        }
        if (files.flavour() == ModelFlavour.SHERPA_ONNX) {
            other = OnnxHeader.read(models.get(0).file()).metadata().entrySet().stream()
                    .filter(e -> !SHOWN.contains(e.getKey()) && !e.getKey().startsWith("lang_"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
        return new ModelDescription(files, models, metadata, Tokens.read(files.tokens()).size(), other);
    }

    private static FileDescription describe(Path file) {
        OnnxHeader header = OnnxHeader.read(file);
        return new FileDescription(file, size(file), Sha256.of(file), header.quantized(),
                header.inputs(), header.outputs());
    }

    /** The report, one line per fact, for a terminal or a log. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("model      " + files.dir() + " (" + files.flavour().label() + " export)");
        for (FileDescription model : models) {
            out.add("file       " + model.file().getFileName() + "  " + model.bytes() + " bytes  "
                    + (model.quantized() ? "int8" : "fp32") + "  sha256 " + model.sha256());
            model.inputs().forEach(spec -> out.add("  input    " + spec));
            model.outputs().forEach(spec -> out.add("  output   " + spec));
        }
        out.add("tokens     " + files.tokens().getFileName() + "  " + size(files.tokens()) + " bytes  "
                + tokenCount + " tokens (vocab_size " + metadata.vocabSize() + ", blank " + metadata.blankId() + ")");
        files.amMvn().ifPresent(f -> out.add("am.mvn     " + size(f) + " bytes"));
        out.add("frontend   lfr window " + metadata.lfrWindowSize() + ", shift " + metadata.lfrWindowShift()
                + ", normalize_samples " + (metadata.normalizeSamples() ? 1 : 0));
        out.add("neg_mean   " + abbreviate(metadata.cmvn().negMean()));
        out.add("inv_stddev " + abbreviate(metadata.cmvn().invStddev()));
        out.add("languages  " + metadata.languageRows().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        out.add("text norm  withitn " + metadata.withItnRow() + ", woitn " + metadata.withoutItnRow());
        otherMetadata.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add("metadata   " + e.getKey() + " = " + e.getValue()));
        return out;
    }

    public Optional<FileDescription> file(String name) {
        return models.stream().filter(m -> m.file().getFileName().toString().equals(name)).findFirst();
    }

    /** "560 values: a, b, c … y, z". */
    static String abbreviate(float[] values) {
        int n = values.length;
        if (n <= 6) {
            return n + " values: " + join(values, 0, n);
        }
        return n + " values: " + join(values, 0, 3) + " … " + join(values, n - 2, n);
    }

    private static String join(float[] values, int from, int to) {
        List<String> parts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            parts.add(String.format(Locale.ROOT, "%.6g", values[i]));
        }
        return String.join(", ", parts);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
