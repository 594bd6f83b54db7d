package dev.sensevoice.model;

import dev.sensevoice.frontend.AmMvn;
import dev.sensevoice.frontend.Cmvn;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link ModelMetadata} from a sherpa-onnx file's metadata (contract §1.1) or from FunASR's
 * am.mvn plus the runtime defaults (contract §1.2); the CMVN text itself is parsed by the frontend.
 */
final class MetadataReader {
    static final List<String> LANGUAGES = List.of("auto", "zh", "en", "yue", "ja", "ko");
    /** sherpa-onnx's compiled-in defaults (offline-sense-voice-model-meta-data.h), used for FunASR. */
    private static final Map<String, Integer> DEFAULT_ROWS =
            Map.of("auto", 0, "zh", 3, "en", 4, "yue", 7, "ja", 11, "ko", 12);
    private static final int WITH_ITN = 14;
    private static final int WITHOUT_ITN = 15;
    private static final int LFR_WINDOW = 7;
    private static final int LFR_SHIFT = 6;

    private MetadataReader() {
    }

    static ModelMetadata read(ModelFiles files, OnnxHeader header) {
        return files.flavour() == ModelFlavour.SHERPA_ONNX
                ? sherpa(header)
                : funasr(files.amMvn().orElseThrow(), vocabSize(files, header));
    }

    /** The keys sherpa-onnx's runtime requires (offline-sense-voice-model.cc); blank_id is optional. */
    static ModelMetadata sherpa(OnnxHeader header) {
        Keys keys = new Keys(header.file(), header.metadata());
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            rows.put(language, keys.integer("lang_" + language));
        }
        Cmvn cmvn = Cmvn.fromMetadata(keys.required("neg_mean"), keys.required("inv_stddev"),
                header.file().toString());
        return new ModelMetadata(keys.integer("vocab_size"), keys.integer("lfr_window_size"),
                keys.integer("lfr_window_shift"), keys.integer("normalize_samples") != 0,
                cmvn, rows, keys.integer("with_itn"),
                keys.integer("without_itn"), keys.optionalInteger("blank_id", 0));
    }

    static ModelMetadata funasr(Path amMvn, int vocabSize) {
        return new ModelMetadata(vocabSize, LFR_WINDOW, LFR_SHIFT, false, AmMvn.read(amMvn),
                DEFAULT_ROWS, WITH_ITN, WITHOUT_ITN, 0);
    }

    /** FunASR keeps no vocabulary size: the logits' last axis says it, else the token file. */
    private static int vocabSize(ModelFiles files, OnnxHeader header) {
        int fromGraph = header.outputs().isEmpty() ? -1 : header.outputs().get(0).lastDim();
        return fromGraph > 0 ? fromGraph : Tokens.read(files.tokens()).size();
    }

    /** Typed access to string metadata with one-line errors naming the file and key. */
    private record Keys(Path file, Map<String, String> values) {
        String required(String key) {
            String value = values.get(key);
            if (value == null) {
                throw ModelFiles.fail(file + ": metadata key " + key + " missing; is this a SenseVoice export?");
            }
            return value.strip();
        }

        int integer(String key) {
            String value = required(key);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw ModelFiles.fail(file + ": metadata key " + key + " is '" + value + "', not an integer");
            }
        }

        int optionalInteger(String key, int fallback) {
            return values.containsKey(key) ? integer(key) : fallback;
        }
    }
}
