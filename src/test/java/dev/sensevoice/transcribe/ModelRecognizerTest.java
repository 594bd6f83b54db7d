package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sensevoice.model.Logits;
import dev.sensevoice.model.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRecognizerTest {
    @Test
    void languageScoresAreTheTagLogitsAtFrameZero() {
        Tokens tokens = new Tokens(List.of("<unk>", "<|en|>", "hello", "<|zh|>", "<|ja|>"));
        Map<String, Integer> ids = ModelRecognizer.languageTagIds(tokens);
        assertEquals(Map.of("zh", 3, "en", 1, "ja", 4), ids);
        float[] values = {0, 2.5f, 9, -1, 0.5f, /* frame 1 */ 0, 7, 0, 7, 7};
        Map<String, Float> scores = ModelRecognizer.scores(ids, new Logits(values, 2, 5).bestPath());
        assertEquals(Map.of("en", 2.5f, "zh", -1f, "ja", 0.5f), scores);
    }
}
