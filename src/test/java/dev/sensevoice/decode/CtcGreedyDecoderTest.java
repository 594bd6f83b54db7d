package dev.sensevoice.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.model.Logits;
import dev.sensevoice.model.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtcGreedyDecoderTest {
    private static final List<String> PIECES = List.of(
            "<unk>", "<|en|>", "<|zh|>", "<|NEUTRAL|>", "<|HAPPY|>", "<|Speech|>", "<|BGM|>",
            "<|woitn|>", "<|withitn|>", "▁hello", "▁world", "lo", "▁", "你", "好", "。", "s", "5");
    private static final int BLANK = 0;
    private static final int EN = 1;
    private static final int ZH = 2;
    private static final int NEUTRAL = 3;
    private static final int HAPPY = 4;
    private static final int SPEECH = 5;
    private static final int WOITN = 7;
    private static final int WITHITN = 8;
    private static final int HELLO = 9;
    private static final int WORLD = 10;
    private static final int LO = 11;
    private static final int SPACE = 12;
    private static final int NI = 13;
    private static final int HAO = 14;
    private static final int FULL_STOP = 15;
    private static final int S = 16;
    private static final int FIVE = 17;

    private final CtcGreedyDecoder decoder = new CtcGreedyDecoder(new Tokens(PIECES), BLANK);

    /** One frame per argument; that id scores 1, every other id scores below it. */
    private static Logits frames(int... winners) {
        int vocab = PIECES.size();
        float[] values = new float[winners.length * vocab];
        for (int t = 0; t < winners.length; t++) {
            for (int id = 0; id < vocab; id++) {
                values[t * vocab + id] = id == winners[t] ? -1f : -5f - id;
            }
        }
        return new Logits(values, winners.length, vocab);
    }

    @Test
    void decodesTagsTextAndTimes() {
        Recognition r = decoder.decode(
                frames(EN, NEUTRAL, SPEECH, WOITN, BLANK, HELLO, HELLO, BLANK, WORLD), 0.0);
        assertEquals("en", r.language());
        assertEquals("NEUTRAL", r.emotion());
        assertEquals("Speech", r.event());
        assertFalse(r.itn());
        assertEquals("hello world", r.text());
        assertEquals("<|en|><|NEUTRAL|><|Speech|><|woitn|>hello world", r.raw());
        assertEquals(2, r.tokens().size());
        assertEquals(" hello", r.tokens().get(0).text());
        assertEquals(0.06, r.tokens().get(0).start(), 1e-9);   // frame 5
        assertEquals(" world", r.tokens().get(1).text());
        assertEquals(0.24, r.tokens().get(1).start(), 1e-9);   // frame 8
    }

    @Test
    void tokenTimeAddsTheSegmentOffset() {
        int[] path = new int[17];
        path[0] = EN;
        path[1] = NEUTRAL;
        path[2] = SPEECH;
        path[3] = WOITN;
        path[16] = HELLO;   // frames 4..15 blank
        Recognition r = decoder.decode(frames(path), 10.0);
        assertEquals(10.72, r.tokens().get(0).start(), 1e-9);   // 10 + 0.06 × (16 − 4)
    }

    @Test
    void itnTagSetsItn() {
        Recognition r = decoder.decode(frames(ZH, NEUTRAL, SPEECH, WITHITN, NI, HAO, FULL_STOP), 0);
        assertTrue(r.itn());
        assertEquals("zh", r.language());
        assertEquals("你好。", r.text());
        assertEquals("<|zh|><|NEUTRAL|><|Speech|><|withitn|>你好。", r.raw());
        assertEquals(List.of("你", "好", "。"), r.tokens().stream().map(TimedToken::text).toList());
    }

    @Test
    void repeatsCollapseUnlessABlankSeparatesThem() {
        Recognition r = decoder.decode(
                frames(EN, NEUTRAL, SPEECH, WOITN, S, S, S, BLANK, S, S), 0);
        assertEquals("ss", r.text());
        assertEquals(0.0, r.tokens().get(0).start(), 1e-9);    // frame 4
        assertEquals(0.24, r.tokens().get(1).start(), 1e-9);   // frame 8
    }

    @Test
    void tagsHeldOverSeveralFramesCollapse() {
        Recognition r = decoder.decode(
                frames(EN, EN, NEUTRAL, SPEECH, SPEECH, WOITN, BLANK, HELLO), 0);
        assertEquals("en", r.language());
        assertEquals("Speech", r.event());
        assertEquals("hello", r.text());
        assertEquals(0.18, r.tokens().get(0).start(), 1e-9);   // frame 7
    }

    @Test
    void tiesGoToTheLowestId() {
        int vocab = PIECES.size();
        float[] values = new float[vocab];
        values[S] = 2f;
        values[HELLO] = 2f;
        values[FIVE] = 2f;
        Recognition r = decoder.decode(new Logits(values, 1, vocab), 0);
        assertEquals("hello", r.text());
    }

    @Test
    void allBlankGivesEmptyResult() {
        Recognition r = decoder.decode(frames(BLANK, BLANK, BLANK, BLANK, BLANK), 3.0);
        assertEquals("", r.language());
        assertEquals("", r.emotion());
        assertEquals("", r.event());
        assertFalse(r.itn());
        assertEquals("", r.text());
        assertEquals("", r.raw());
        assertTrue(r.tokens().isEmpty());
    }

    @Test
    void noFramesGivesEmptyResult() {
        Recognition r = decoder.decode(new Logits(new float[0], 0, PIECES.size()), 0);
        assertEquals("", r.text());
        assertTrue(r.tokens().isEmpty());
    }

    @Test
    void missingTagLeavesItsFieldEmptyInsteadOfShiftingText() {
        // the emotion frame decoded to blank: sherpa's positional split would call "Speech" the
        // emotion and drop the first word
        Recognition r = decoder.decode(frames(EN, BLANK, SPEECH, WOITN, HELLO, WORLD), 0);
        assertEquals("en", r.language());
        assertEquals("", r.emotion());
        assertEquals("Speech", r.event());
        assertEquals("hello world", r.text());
        assertEquals("<|en|><|Speech|><|woitn|>hello world", r.raw());
    }

    @Test
    void textWithoutTagsIsNeverReadAsTags() {
        Recognition r = decoder.decode(frames(HELLO, WORLD, LO), 0);
        assertEquals("", r.language());
        assertEquals("hello worldlo", r.text());
        assertEquals(0.0, r.tokens().get(0).start(), 1e-9);    // frame 0 clamps to the offset
    }

    @Test
    void aSecondTagOfTheSameKindEndsTheHeaderAndStaysOnlyInRaw() {
        Recognition r = decoder.decode(frames(EN, NEUTRAL, HAPPY, SPEECH, HELLO), 0);
        assertEquals("NEUTRAL", r.emotion());
        assertEquals("", r.event());
        assertEquals("hello", r.text());
        assertEquals(List.of(" hello"), r.tokens().stream().map(TimedToken::text).toList());
        assertEquals(0.0, r.tokens().get(0).start(), 1e-9);   // frame 4
        assertEquals("<|en|><|NEUTRAL|><|HAPPY|><|Speech|> hello", r.raw());
    }

    @Test
    void bareWordBoundaryPieceIsASpaceAndLeadingSpaceIsTrimmed() {
        Recognition r = decoder.decode(
                frames(EN, NEUTRAL, SPEECH, WITHITN, SPACE, FIVE, BLANK, SPACE, HELLO), 0);
        assertEquals("5  hello", r.text());
        assertEquals(List.of(" ", "5", " ", " hello"),
                r.tokens().stream().map(TimedToken::text).toList());
        assertEquals("<|en|><|NEUTRAL|><|Speech|><|withitn|>5  hello", r.raw());
    }

    @Test
    void logitsOfAnotherVocabularyAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(new Logits(new float[6], 2, 3), 0));
    }

    @Test
    void blankIdOutsideTheVocabularyIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new CtcGreedyDecoder(new Tokens(PIECES), PIECES.size()));
    }
}
