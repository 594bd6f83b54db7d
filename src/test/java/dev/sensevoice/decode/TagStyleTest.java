package dev.sensevoice.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagStyleTest {
    private final Recognition recognition = new Recognition("zh", "HAPPY", "BGM", true, "你好。",
            "<|zh|><|HAPPY|><|BGM|><|withitn|>你好。", List.of());

    @Test
    void stripGivesCleanText() {
        assertEquals("你好。", TagStyle.STRIP.apply(recognition));
    }

    @Test
    void emojiPostprocessesTheRawText() {
        assertEquals("\uD83C\uDFBC你好。\uD83D\uDE0A", TagStyle.EMOJI.apply(recognition));
    }

    @Test
    void keepGivesRawText() {
        assertEquals("<|zh|><|HAPPY|><|BGM|><|withitn|>你好。", TagStyle.KEEP.apply(recognition));
    }
}
