package dev.sensevoice.output;

import dev.sensevoice.decode.TimedToken;
import dev.sensevoice.decode.Word;
import java.util.List;
import java.util.Objects;

/**
 * One recognised segment of an input, times in seconds from the input's start.
 *
 * @param text     the text as {@code --tags} asks (clean, emoji or with tags)
 * @param raw      the text with its tags, always
 * @param language bare tag values ("en", "NEUTRAL", "Speech"); empty or null when not decoded
 * @param tokens   the decoded pieces with their start times; {@code text} is built from them
 */
public record TranscriptSegment(
        double start,
        double end,
        String text,
        String raw,
        String language,
        String emotion,
        String event,
        boolean itn,
        List<TimedToken> tokens,
        List<Word> words) {
    public TranscriptSegment {
        if (!(start >= 0 && end >= start)) {
            throw new IllegalArgumentException("segment [" + start + ", " + end + "] s");
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(raw, "raw");
        tokens = List.copyOf(tokens);
        words = List.copyOf(words);
    }

    public double duration() {
        return end - start;
    }
}
