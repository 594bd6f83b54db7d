package dev.sensevoice.model;

import dev.sensevoice.frontend.Cmvn;
import java.util.Map;

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
}
