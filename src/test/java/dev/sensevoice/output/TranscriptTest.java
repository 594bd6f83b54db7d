package dev.sensevoice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    private static TranscriptSegment said(double start, double end, String text, String language) {
        return new TranscriptSegment(start, end, text, text, language, "NEUTRAL", "Speech", true, List.of(), List.of());
    }

    @Test
    void textsJoinWithOneSpaceExceptBetweenChineseOrJapaneseCharacters() {
        assertEquals("Hello there. 你好。我们开始吧 OK 次は日本語です",
                Transcript.joinTexts(List.of(said(0, 1, " Hello there. ", "en"), said(1, 2, "你好。", "zh"),
                        said(2, 3, "我们开始吧", "zh"), said(3, 4, "OK", "en"), said(4, 5, "", "en"),
                        said(5, 6, "次は日本語です", "ja"))));
        assertEquals("안녕하세요 여러분", Transcript.joinTexts(List.of(said(0, 1, "안녕하세요", "ko"), said(1, 2, "여러분", "ko"))),
                "Korean spaces its words");
    }

    @Test
    void fileLanguageIsTheOneWithMostSpeech() {
        assertEquals("zh", Transcript.mainLanguage(List.of(said(0, 3, "a", "en"), said(3, 5, "b", "zh"),
                said(5, 7, "c", "zh"), said(7, 8, "d", ""))));
        assertEquals("en", Transcript.mainLanguage(List.of(said(0, 2, "a", "en"), said(2, 4, "b", "zh"))), "tie: first");
        assertNull(Transcript.mainLanguage(List.of()));
    }

    @Test
    void formatListParsesAndRejectsUnknownNames() {
        assertEquals(EnumSet.of(OutputFormat.TXT, OutputFormat.JSON, OutputFormat.SRT), OutputFormat.parseList("srt, JSON,txt"));
        SenseVoiceException error = assertThrows(SenseVoiceException.class, () -> OutputFormat.parseList("txt,docx"));
        assertEquals(ExitCode.USAGE, error.exitCode());
        assertThrows(SenseVoiceException.class, () -> OutputFormat.parseList(""));
    }

    @Test
    void segmentTimesMustBeOrdered() {
        assertThrows(IllegalArgumentException.class, () -> said(2, 1, "x", "en"));
    }
}
