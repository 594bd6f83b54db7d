package dev.sensevoice.transcribe;

import dev.sensevoice.model.BestPath;
import java.util.Map;

/**
 * A recognizer fake's common ground: query row 0, not quantized, no language scores. Tests
 * override {@code run} (and whatever else they check).
 */
public abstract class StubRecognizer implements Recognizer {
    @Override
    public int languageRow(String language) {
        return 0;
    }

    @Override
    public int textNormRow(boolean itn) {
        return 0;
    }

    @Override
    public boolean quantized() {
        return false;
    }

    @Override
    public Map<String, Float> languageScores(BestPath best) {
        return Map.of();
    }
}
