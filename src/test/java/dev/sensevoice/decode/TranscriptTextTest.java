package dev.sensevoice.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTextTest {
    @Test
    void segmentsJoinWithOneSpace() {
        assertEquals("Good morning. Let's start.",
                TranscriptText.join(List.of("Good morning.", " Let's start. ")));
    }

    @Test
    void noSpaceBetweenCjkCharactersOrCjkPunctuation() {
        assertEquals("你好再见", TranscriptText.join(List.of("你好", "再见")));
        assertEquals("你好。再见", TranscriptText.join(List.of("你好。", "再见")));
        assertEquals("こんにちは。ありがとう", TranscriptText.join(List.of("こんにちは。", "ありがとう")));
    }

    @Test
    void spaceBetweenCjkAndLatinAndBetweenKoreanSegments() {
        assertEquals("你好 hello", TranscriptText.join(List.of("你好", "hello")));
        assertEquals("ok 你好", TranscriptText.join(List.of("ok", "你好")));
        assertEquals("안녕하세요 감사합니다", TranscriptText.join(List.of("안녕하세요", "감사합니다")));
    }

    @Test
    void blankSegmentsAreSkipped() {
        assertEquals("a b", TranscriptText.join(List.of("", "a", "  ", "b")));
        assertEquals("", TranscriptText.join(List.of()));
    }
}
