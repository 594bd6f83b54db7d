package dev.sensevoice.output;

import java.util.List;
import java.util.Objects;

/**
 * The options that change what a transcript says (JSON {@code options}, in this order), and so
 * decide whether {@code --skip-existing} may keep an older output. Options that only change speed
 * or where files go (threads, device, formats, output folder) are left out on purpose; the
 * batch size stays because the design's example lists it and fp32 padding can move a digit.
 *
 * @param lang         language query: "auto", "zh", "en", "yue", "ja", "ko"
 * @param vad          "silero", "energy" or "none"
 * @param tags         "strip", "emoji" or "keep"
 * @param allowedLangs languages allowed under {@code auto}; empty = all
 */
public record TranscriptOptions(
        String lang,
        boolean itn,
        String vad,
        double batchS,
        String tags,
        double maxSegmentS,
        double mergeS,
        List<String> allowedLangs) {
    public TranscriptOptions {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(vad, "vad");
        Objects.requireNonNull(tags, "tags");
        allowedLangs = List.copyOf(allowedLangs);
    }

    /** The design's defaults (design Part 2, options of {@code transcribe}). */
    public static TranscriptOptions defaults() {
        return new TranscriptOptions("auto", true, "silero", 30, "strip", 30, 15, List.of());
    }
}
