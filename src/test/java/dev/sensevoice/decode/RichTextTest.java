package dev.sensevoice.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every example of contract §5.2 (results of running FunASR's function), then single rules. */
class RichTextTest {
    private static final String BGM = "\uD83C\uDFBC";
    private static final String HAPPY = "\uD83D\uDE0A";
    private static final String SAD = "\uD83D\uDE14";
    private static final String ANGRY = "\uD83D\uDE21";
    private static final String LAUGHTER = "\uD83D\uDE00";
    private static final String COUGH = "\uD83E\uDD27";

    @Test
    void neutralSpeechIsPlainText() {
        assertEquals("hello world",
                RichText.postprocess("<|en|><|NEUTRAL|><|Speech|><|woitn|>hello world"));
    }

    @Test
    void eventPrefixAndEmotionSuffix() {
        assertEquals(LAUGHTER + "你好。" + SAD,
                RichText.postprocess("<|zh|><|SAD|><|Laughter|><|withitn|>你好。"));
    }

    @Test
    void unknownEmotionIsNeutralAndCoughUsesEventEmoji() {
        assertEquals(COUGH + "hi", RichText.postprocess("<|en|><|EMO_UNKNOWN|><|Cough|><|woitn|>hi"));
    }

    @Test
    void stitchedSegmentsAreGluedWithoutSpace() {
        String raw = "<|en|><|NEUTRAL|><|Speech|><|withitn|>Hello. "
                + "<|en|><|NEUTRAL|><|Speech|><|withitn|>World.";
        assertEquals("Hello.World.", RichText.postprocess(raw));
        assertEquals("helloworld", RichText.postprocess(
                "<|en|><|NEUTRAL|><|Speech|><|woitn|>hello <|en|><|NEUTRAL|><|Speech|><|woitn|>world"));
    }

    @Test
    void eventDeduplicatedOnlyBetweenConsecutivePairsAndEmotionOnceAtEnd() {
        String segment = "<|zh|><|HAPPY|><|BGM|><|withitn|>";
        String raw = segment + "一。 " + segment + "二。 " + segment + "三。";
        assertEquals(BGM + "一。二。" + BGM + "三。" + HAPPY, RichText.postprocess(raw));
    }

    @Test
    void differentEmotionsBothKept() {
        String raw = "<|zh|><|SAD|><|Speech|><|withitn|>一。 <|zh|><|HAPPY|><|Speech|><|withitn|>二。";
        assertEquals("一。" + SAD + "二。" + HAPPY, RichText.postprocess(raw));
    }

    @Test
    void theDotIsRemoved() {
        assertEquals("test" + ANGRY,
                RichText.postprocess("<|ja|><|ANGRY|><|Speech|><|withitn|>The. test"));
    }

    @Test
    void noSpeechIsEmpty() {
        assertEquals("", RichText.postprocess("<|nospeech|><|EMO_UNKNOWN|><|Event_UNK|><|woitn|>"));
    }

    @Test
    void emptyIsEmpty() {
        assertEquals("", RichText.postprocess(""));
    }

    @Test
    void adjacentNoSpeechAndUnknownEventBecomeQuestionMark() {
        assertEquals("\u2753", RichText.postprocess("<|nospeech|><|Event_UNK|>"));
    }

    @Test
    void emotionNeedsStrictlyMoreVotes() {
        // HAPPY (1) beats NEUTRAL (0); SAD (1) does not beat HAPPY (1)
        assertEquals("x" + HAPPY, RichText.formatSegment("<|HAPPY|><|SAD|>x"));
        // two NEUTRAL votes outweigh one HAPPY
        assertEquals("x", RichText.formatSegment("<|NEUTRAL|><|NEUTRAL|><|HAPPY|>x"));
        assertEquals("x" + SAD, RichText.formatSegment("<|HAPPY|><|SAD|><|SAD|>x"));
    }

    @Test
    void laterEventsArePrependedFurtherLeft() {
        assertEquals(LAUGHTER + BGM + "x", RichText.formatSegment("<|Laughter|><|BGM|>x"));
    }

    @Test
    void spacesNextToEmojisAreRemoved() {
        assertEquals(BGM + "hi there" + HAPPY, RichText.formatSegment("<|BGM|><|HAPPY|> hi there "));
        assertEquals("a" + BGM + "b", RichText.formatSegment("a " + BGM + " b"));
    }

    @Test
    void repeatedTagsAreAllDeleted() {
        assertEquals("ab", RichText.formatSegment("<|woitn|>a<|woitn|>b<|Speech|>"));
    }

    @Test
    void emotionSuffixRepeatedAcrossSegmentsIsKeptOnce() {
        String raw = "<|en|><|HAPPY|><|Speech|><|woitn|>a <|en|><|HAPPY|><|Speech|><|woitn|>b";
        assertEquals("ab" + HAPPY, RichText.postprocess(raw));
    }

    @Test
    void segmentLeftEmptyAfterDroppingItsEventIsSkipped() {
        String raw = "<|en|><|NEUTRAL|><|BGM|><|woitn|>a<|en|><|NEUTRAL|><|BGM|><|woitn|>";
        assertEquals(BGM + "a", RichText.postprocess(raw));
    }

    @Test
    void pythonStripRemovesNoBreakSpaces() {
        assertEquals("x", RichText.pythonStrip("\u00A0 x\t\u3000"));
    }
}
