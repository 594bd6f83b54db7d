package dev.sensevoice.output;

import dev.sensevoice.decode.TimedToken;
import dev.sensevoice.decode.Word;
import dev.sensevoice.metrics.FileStats;
import java.util.ArrayList;
import java.util.List;

/** Hand-built transcripts for the writer tests: the design's example, and long English and CJK speech. */
final class Samples {
    static final ModelStamp MODEL = new ModelStamp("sensevoice-small", "model.int8.onnx", "…", "cpu");
    static final TranscriptOptions OPTIONS = TranscriptOptions.defaults();

    private Samples() {
    }

    /** The segment of the design's JSON example. */
    static TranscriptSegment designSegment() {
        return new TranscriptSegment(0.62, 4.18, "Good morning everyone.",
                "<|en|><|NEUTRAL|><|Speech|><|withitn|>Good morning everyone.", "en", "NEUTRAL", "Speech", true,
                List.of(new TimedToken("Good", 0.66), new TimedToken(" morning", 0.90)),
                List.of(new Word("Good", 0.66, 0.90)));
    }

    static FileStats designStats() {
        return new FileStats(913.42, 21844L, 410L, 655L, 1203L, 18020L, 96L, 0.023914, 1412L, null);
    }

    static Transcript transcript(String file, List<TranscriptSegment> segments) {
        return Transcript.of(file, 913.42, segments, designStats(), MODEL, OPTIONS, new ToolStamp("sensevoice", "0.1.0"));
    }

    /** A segment whose tokens spell its text, one token per word (with its leading space) or per CJK character. */
    static TranscriptSegment spoken(double start, double secondsPerToken, List<String> pieces, String language) {
        List<TimedToken> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            tokens.add(new TimedToken(pieces.get(i), start + 0.05 + i * secondsPerToken));
            text.append(pieces.get(i));
        }
        double end = start + 0.1 + pieces.size() * secondsPerToken;
        return new TranscriptSegment(start, end, text.toString().strip(), text.toString().strip(),
                language, "NEUTRAL", "Speech", true, tokens, List.of());
    }

    /** About 100 English words, one token each, 0.35 s apart: needs many cues. */
    static TranscriptSegment longEnglish(double start) {
        List<String> words = new ArrayList<>();
        String sentence = "the quick brown fox jumps over the lazy dog, while seventeen extraordinarily"
                + " careful engineers measure every single millisecond of latency.";
        for (int round = 0; round < 5; round++) {
            for (String word : sentence.split(" ")) {
                words.add(words.isEmpty() ? word : " " + word);
            }
        }
        return spoken(start, 0.35, words, "en");
    }

    /** About 120 Chinese characters, one token each, 0.2 s apart. */
    static TranscriptSegment longChinese(double start) {
        String text = "今天我们讨论新版本的发布计划，首先请每个小组介绍一下进展情况，然后确定测试的时间安排。";
        List<String> chars = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            text.codePoints().forEach(c -> chars.add(Character.toString(c)));
        }
        return spoken(start, 0.2, chars, "zh");
    }
}
