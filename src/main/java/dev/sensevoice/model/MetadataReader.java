package dev.sensevoice.model;

import dev.sensevoice.frontend.Cmvn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link ModelMetadata} from a sherpa-onnx file's metadata (contract §1.1) or from FunASR's
 * am.mvn plus the runtime defaults (contract §1.2). The am.mvn parser here is private to the model
 * package on purpose: the frontend has its own reader for its own command.
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
        float[] negMean = keys.floats("neg_mean");
        float[] invStddev = keys.floats("inv_stddev");
        if (negMean.length != invStddev.length) {
            throw ModelFiles.fail(header.file() + ": metadata has " + negMean.length + " neg_mean but "
                    + invStddev.length + " inv_stddev values; is this a SenseVoice export?");
        }
        return new ModelMetadata(keys.integer("vocab_size"), keys.integer("lfr_window_size"),
                keys.integer("lfr_window_shift"), keys.integer("normalize_samples") != 0,
                new Cmvn(negMean, invStddev), rows, keys.integer("with_itn"),
                keys.integer("without_itn"), keys.optionalInteger("blank_id", 0));
    }

    static ModelMetadata funasr(Path amMvn, int vocabSize) {
        return new ModelMetadata(vocabSize, LFR_WINDOW, LFR_SHIFT, false, readAmMvn(amMvn),
                DEFAULT_ROWS, WITH_ITN, WITHOUT_ITN, 0);
    }

    /** FunASR keeps no vocabulary size: the logits' last axis says it, else the token file. */
    private static int vocabSize(ModelFiles files, OnnxHeader header) {
        int fromGraph = header.outputs().isEmpty() ? -1 : header.outputs().get(0).lastDim();
        return fromGraph > 0 ? fromGraph : Tokens.read(files.tokens()).size();
    }

    /** Kaldi nnet text: the bracketed vector after {@code <AddShift>} and after {@code <Rescale>}. */
    private static Cmvn readAmMvn(Path file) {
        String[] words;
        try {
            words = Files.readString(file, StandardCharsets.UTF_8).split("\\s+");
        } catch (IOException e) {
            throw ModelFiles.fail(file + ": cannot read: " + e.getMessage());
        }
        float[] shift = vectorAfter(file, words, "<AddShift>");
        float[] scale = vectorAfter(file, words, "<Rescale>");
        if (shift.length != scale.length || shift.length == 0) {
            throw ModelFiles.fail(file + ": " + shift.length + " shift but " + scale.length
                    + " scale values; expected two vectors of the same length (FunASR am.mvn)");
        }
        return new Cmvn(shift, scale);
    }

    private static float[] vectorAfter(Path file, String[] words, String component) {
        int at = Arrays.asList(words).indexOf(component);
        int open = at < 0 ? -1 : Arrays.asList(words).subList(at, words.length).indexOf("[");
        if (open < 0) {
            throw ModelFiles.fail(file + ": no " + component + " vector; is this FunASR's am.mvn?");
        }
        float[] values = new float[words.length];
        int n = 0;
        for (int i = at + open + 1; i < words.length && !words[i].equals("]"); i++) {
            values[n++] = parseFloat(file, component, words[i]);
        }
        return Arrays.copyOf(values, n);
    }

    private static float parseFloat(Path file, String what, String text) {
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw ModelFiles.fail(file + ": " + what + " value '" + text + "' is not a number");
        }
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

        float[] floats(String key) {
            String[] parts = required(key).split(",");
            float[] result = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                result[i] = parseFloat(file, "metadata key " + key, parts[i].strip());
            }
            return result;
        }
    }
}
