package dev.sensevoice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.decode.TimedToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubtitleCuesTest {

    private static List<Cue> cues(TranscriptSegment... segments) {
        return SubtitleCues.of(Samples.transcript("a.wav", List.of(segments)));
    }

    /** The rules every cue list must keep: ≤ 2 lines, ≤ 7 s, positive length, in order without overlap. */
    private static void assertWellFormed(List<Cue> cues, int maxCharsPerLine) {
        long previousEnd = 0;
        for (Cue cue : cues) {
            assertTrue(cue.lines().size() <= 2, cue.toString());
            for (String line : cue.lines()) {
                assertTrue(line.codePointCount(0, line.length()) <= maxCharsPerLine, line);
                assertEquals(line.strip(), line);
            }
            assertTrue(cue.endMs() - cue.startMs() <= 7000, cue.toString());
            assertTrue(cue.endMs() > cue.startMs(), cue.toString());
            assertTrue(cue.startMs() >= previousEnd, cue.toString());
            previousEnd = cue.endMs();
        }
    }

    private static String spaced(List<Cue> cues) {
        return String.join(" ", cues.stream().flatMap(cue -> cue.lines().stream()).toList());
    }

    @Test
    void shortSegmentIsOneCueAtItsOwnTimes() {
        List<Cue> cues = cues(Samples.designSegment());
        assertEquals(List.of(new Cue(620, 4180, List.of("Good morning everyone."))), cues);
    }

    @Test
    void longEnglishIsSplitBetweenWordsWithinTheLimits() {
        TranscriptSegment segment = Samples.longEnglish(3);
        List<Cue> cues = cues(segment);
        assertWellFormed(cues, 42);
        assertTrue(cues.size() >= 8, "a 35 s, 100-word segment needs many cues: " + cues.size());
        assertEquals(segment.text(), spaced(cues), "every word once, in order, none cut");
        assertTrue(cues.get(0).startMs() >= 3000);
        assertTrue(cues.get(cues.size() - 1).endMs() <= Math.round(segment.end() * 1000));
    }

    @Test
    void cutsFollowTokenTimes() {
        TranscriptSegment segment = Samples.longEnglish(0);
        List<Cue> cues = cues(segment);
        for (Cue cue : cues.subList(1, cues.size())) {
            String firstWord = cue.lines().get(0).split(" ")[0];
            boolean atAToken = segment.tokens().stream().anyMatch(token -> token.text().strip().equals(firstWord)
                    && Math.round(token.start() * 1000) == cue.startMs());
            assertTrue(atAToken, "cue starts when its first word was spoken: " + cue);
        }
    }

    @Test
    void longChineseHoldsSixteenCharactersPerLine() {
        TranscriptSegment segment = Samples.longChinese(40);
        List<Cue> cues = cues(segment);
        assertWellFormed(cues, 16);
        assertEquals(segment.text(), spaced(cues).replace(" ", ""));
        assertTrue(cues.stream().anyMatch(cue -> cue.lines().get(0).length() == 16), "lines are filled");
        assertTrue(cues.stream().noneMatch(cue -> cue.lines().stream().anyMatch(line -> line.startsWith("，"))),
                "punctuation stays with the character before it");
    }

    @Test
    void slowSpeechIsCutAtSevenSeconds() {
        TranscriptSegment slow = new TranscriptSegment(0, 30, "Hello world", "Hello world", "en", "NEUTRAL", "Speech",
                true, List.of(new TimedToken("Hello", 0.2), new TimedToken(" world", 20)), List.of());
        List<Cue> cues = cues(slow);
        assertWellFormed(cues, 42);
        assertEquals(2, cues.size());
        assertEquals(20_000, cues.get(1).startMs());
    }

    @Test
    void textThatIsNotTheTokensIsTimedByCharacterPosition() {
        String text = "😊 " + Samples.longEnglish(0).text();
        TranscriptSegment withEmoji = new TranscriptSegment(10, 45, text, text, "en", "HAPPY", "Speech", true,
                Samples.longEnglish(10).tokens(), List.of());
        List<Cue> cues = cues(withEmoji);
        assertWellFormed(cues, 42);
        assertEquals(text, spaced(cues));
        assertEquals(10_000, cues.get(0).startMs());
        assertEquals(45_000, cues.get(cues.size() - 1).endMs());
    }

    @Test
    void overlappingSegmentsGiveOrderedCues() {
        List<Cue> cues = cues(Samples.spoken(0, 0.3, List.of("one", " two", " three"), "en"),
                Samples.spoken(0.5, 0.3, List.of("four", " five"), "en"));
        assertWellFormed(cues, 42);
        assertEquals(2, cues.size());
    }

    @Test
    void aWordLongerThanALineIsCut() {
        String url = "https://example.com/" + "very-long-path-".repeat(6);
        TranscriptSegment segment = Samples.spoken(0, 0.5, List.of("see", " " + url), "en");
        List<Cue> cues = cues(segment);
        assertWellFormed(cues, 42);
        assertEquals(segment.text().replace(" ", ""), spaced(cues).replace(" ", ""));
    }

    @Test
    void blankSegmentsGiveNoCue() {
        TranscriptSegment blank = new TranscriptSegment(0, 1, "", "<|nospeech|>", "", "", "", false, List.of(), List.of());
        assertEquals(List.of(), cues(blank));
    }

    private static List<String> words(String text) {
        List<String> pieces = new java.util.ArrayList<>();
        for (String word : text.split(" ")) {
            pieces.add(pieces.isEmpty() ? word : " " + word);
        }
        return pieces;
    }

    @Test
    void aCueEndsAtASentenceEndInItsSecondHalf() {
        List<Cue> cues = cues(Samples.spoken(0, 0.2, words("This is the first sentence of the talk today."
                + " And then a second one follows right after it with quite a few more words."), "en"));
        assertWellFormed(cues, 42);
        assertEquals("This is the first sentence of the talk today.", String.join(" ", cues.get(0).lines()));
    }

    @Test
    void twoLinesAreEvenedOut() {
        List<Cue> cues = cues(Samples.spoken(0, 0.2, words("one two three four five six seven eight nine ten eleven"), "en"));
        assertEquals(1, cues.size());
        List<String> lines = cues.get(0).lines();
        assertEquals(2, lines.size());
        assertTrue(Math.abs(lines.get(0).length() - lines.get(1).length()) <= 6, lines.toString());
    }

    @Test
    void theLastCueOfASegmentIsNotALoneWord() {
        String text = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november"
                + " oscar papa quebec romeo sierra tango";
        List<Cue> cues = cues(Samples.spoken(0, 0.3, words(text), "en"));
        assertWellFormed(cues, 42);
        assertEquals(text, spaced(cues));
        List<String> last = cues.get(cues.size() - 1).lines();
        assertTrue(String.join(" ", last).split(" ").length >= 3, cues.toString());
    }

    @Test
    void timestampsHaveTheFormatsOfEachFormat() {
        assertEquals("01:02:03,004", Cue.timestamp(3_723_004, ','));
        assertEquals("00:00:00.620", Cue.timestamp(620, '.'));
        assertEquals("100:00:00,000", Cue.timestamp(360_000_000, ','));
    }

    private static String write(OutputFormat format, Transcript transcript) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(transcript, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void srtAndVttLayout() throws IOException {
        TranscriptSegment tagged = new TranscriptSegment(5, 6, "a <b> & c", "a <b> & c", "en", "", "", true,
                List.of(), List.of());
        Transcript transcript = Samples.transcript("a.wav", List.of(Samples.designSegment(), tagged));
        assertEquals("1\n00:00:00,620 --> 00:00:04,180\nGood morning everyone.\n\n"
                + "2\n00:00:05,000 --> 00:00:06,000\na <b> & c\n\n", write(OutputFormat.SRT, transcript));
        assertEquals("WEBVTT\n\n00:00:00.620 --> 00:00:04.180\nGood morning everyone.\n\n"
                + "00:00:05.000 --> 00:00:06.000\na &lt;b&gt; &amp; c\n\n", write(OutputFormat.VTT, transcript));
    }
}
