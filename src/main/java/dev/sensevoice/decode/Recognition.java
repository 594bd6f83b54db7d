package dev.sensevoice.decode;

import java.util.List;

/**
 * What the model recognised in one segment: the four tags as bare values ("en", "NEUTRAL",
 * "Speech"; empty when not decoded), the clean text, the raw text with tags, and timed tokens
 * (times already shifted by the segment's offset).
 */
public record Recognition(
        String language,
        String emotion,
        String event,
        boolean itn,
        String text,
        String raw,
        List<TimedToken> tokens) {
    public Recognition {
        tokens = List.copyOf(tokens);
    }
}
