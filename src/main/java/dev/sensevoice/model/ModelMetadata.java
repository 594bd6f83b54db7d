package dev.sensevoice.model;

import dev.sensevoice.frontend.Cmvn;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the runtime needs to know about a model (contract §1): frontend constants, CMVN and the
 * query-embedding rows of languages and text normalisation.
 *
 * @param languageRows language code ("auto", "zh", "en", "yue", "ja", "ko") to embedding row
 */
public record ModelMetadata(
        int vocabSize,
        int lfrWindowSize,
        int lfrWindowShift,
        boolean normalizeSamples,
        Cmvn cmvn,
        Map<String, Integer> languageRows,
        int withItnRow,
        int withoutItnRow,
        int blankId) {

    public ModelMetadata {
        languageRows = Map.copyOf(languageRows);
    }

    /**
     * Reads the metadata of the model in {@code dir} without starting ONNX Runtime: the sherpa-onnx
     * ONNX metadata, or FunASR's am.mvn with the contract's defaults. Cheap enough for
     * {@code inspect features --stage cmvn}. Errors are one line with exit code 3.
     */
    public static ModelMetadata load(Path dir) {
        return of(ModelFiles.locate(dir));
    }

    /** The metadata of already located files (reads the ONNX header, and am.mvn for FunASR). */
    public static ModelMetadata of(ModelFiles files) {
        Path onnx = files.fp32().or(files::int8).orElseThrow();
        return MetadataReader.read(files, OnnxHeader.read(onnx));
    }

    /** The embedding row of a language code, if the model knows it. */
    public OptionalInt languageRow(String language) {
        Integer row = languageRows.get(language);
        return row == null ? OptionalInt.empty() : OptionalInt.of(row);
    }

    public int textNormRow(boolean itn) {
        return itn ? withItnRow : withoutItnRow;
    }
}
