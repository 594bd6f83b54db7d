package dev.sensevoice.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordTimingsTest {
    /** Alternating text, start pairs. */
    private static List<TimedToken> tokens(Object... textAndStart) {
        List<TimedToken> tokens = new ArrayList<>();
        for (int i = 0; i < textAndStart.length; i += 2) {
            tokens.add(new TimedToken((String) textAndStart[i], (Double) textAndStart[i + 1]));
        }
        return tokens;
    }

    private static void assertWord(String text, double start, double end, Word word) {
        assertEquals(text, word.text());
        assertEquals(start, word.start(), 1e-9);
        assertEquals(end, word.end(), 1e-9);
    }

    @Test
    void englishPiecesMergeIntoWords() {
        List<Word> words = WordTimings.of(
                tokens("the", 0.30, " tri", 0.54, "bal", 0.72, " chief", 0.90, "tain", 1.08), 1.50);
        assertEquals(3, words.size());
        assertWord("the", 0.30, 0.54, words.get(0));
        assertWord("tribal", 0.54, 0.90, words.get(1));
        assertWord("chieftain", 0.90, 1.50, words.get(2));
    }

    @Test
    void digitsAfterABareSpaceFormOneWordAndPunctuationJoinsTheWordBefore() {
        List<Word> words = WordTimings.of(tokens(
                "The", 0.0, " with", 0.12, " ", 0.30, "5", 0.36, "0", 0.42, " pieces", 0.48, ".", 0.84),
                0.96);
        assertEquals(4, words.size());
        assertWord("The", 0.0, 0.12, words.get(0));
        assertWord("with", 0.12, 0.30, words.get(1));
        assertWord("50", 0.36, 0.48, words.get(2));
        assertWord("pieces.", 0.48, 0.96, words.get(3));
    }

    @Test
    void eachCjkCharacterIsAWord() {
        List<Word> words = WordTimings.of(tokens("开", 0.72, "饭", 0.96, "。", 1.08), 1.20);
        assertEquals(2, words.size());
        assertWord("开", 0.72, 0.96, words.get(0));
        assertWord("饭。", 0.96, 1.20, words.get(1));
    }

    @Test
    void aMultiCharacterCjkPieceSharesItsSpanEvenly() {
        List<Word> words = WordTimings.of(tokens("时间", 1.0, "早", 1.6), 1.8);
        assertEquals(3, words.size());
        assertWord("时", 1.0, 1.3, words.get(0));
        assertWord("间", 1.3, 1.6, words.get(1));
        assertWord("早", 1.6, 1.8, words.get(2));
    }

    @Test
    void latinAndCjkDoNotMerge() {
        List<Word> words = WordTimings.of(tokens("下", 0.0, "午", 0.1, "5", 0.2, "点", 0.3, "ok", 0.4), 0.5);
        assertEquals(List.of("下", "午", "5", "点", "ok"), words.stream().map(Word::text).toList());
    }

    @Test
    void openingQuoteJoinsTheNextCharacter() {
        List<Word> words = WordTimings.of(tokens(" \"", 0.0, "hi", 0.1, "\"", 0.2, " yes", 0.3), 0.4);
        assertEquals(List.of("\"hi\"", "yes"), words.stream().map(Word::text).toList());
        assertWord("\"hi\"", 0.0, 0.3, words.get(0));
    }

    @Test
    void noTokensNoWords() {
        assertTrue(WordTimings.of(List.of(), 3.0).isEmpty());
    }

    @Test
    void segmentEndBeforeTheLastTokenGivesAnEmptySpanNotANegativeOne() {
        List<Word> words = WordTimings.of(tokens(" hi", 2.0), 1.9);
        assertWord("hi", 2.0, 2.0, words.get(0));
    }
}
