package dev.sensevoice.decode;

import java.util.Optional;
import java.util.Set;

/**
 * The SenseVoice special tags the model emits on its first four output frames, grouped by kind
 * (contract §3, §5.3), so the decoder can tell a tag from text by its string, never by id.
 */
final class RichTags {
    enum Kind { LANGUAGE, EMOTION, EVENT, ITN }

    static final String WITH_ITN = "<|withitn|>";

    private static final Set<String> LANGUAGES = Set.of(
            "<|zh|>", "<|en|>", "<|yue|>", "<|ja|>", "<|ko|>", "<|nospeech|>");
    private static final Set<String> EMOTIONS = Set.of(
            "<|HAPPY|>", "<|SAD|>", "<|ANGRY|>", "<|NEUTRAL|>", "<|FEARFUL|>", "<|DISGUSTED|>",
            "<|SURPRISED|>", "<|OTHER|>", "<|EMO_UNKNOWN|>");
    private static final Set<String> EVENTS = Set.of(
            "<|BGM|>", "<|Speech|>", "<|Applause|>", "<|Laughter|>", "<|Cry|>", "<|Sneeze|>",
            "<|Breath|>", "<|Cough|>", "<|Sing|>", "<|Speech_Noise|>", "<|Event_UNK|>");
    private static final Set<String> ITN = Set.of(WITH_ITN, "<|woitn|>");

    private RichTags() {
    }

    static Optional<Kind> kindOf(String piece) {
        if (LANGUAGES.contains(piece)) {
            return Optional.of(Kind.LANGUAGE);
        }
        if (EMOTIONS.contains(piece)) {
            return Optional.of(Kind.EMOTION);
        }
        if (EVENTS.contains(piece)) {
            return Optional.of(Kind.EVENT);
        }
        return ITN.contains(piece) ? Optional.of(Kind.ITN) : Optional.empty();
    }

    /** "<|en|>" → "en". */
    static String bare(String tag) {
        return tag.substring(2, tag.length() - 2);
    }
}
