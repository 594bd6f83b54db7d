package dev.sensevoice.decode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FunASR's {@code rich_transcription_postprocess} and {@code format_str_v2} (contract §5.2),
 * reproduced step by step: tags become an event prefix and an emotion suffix emoji, segments are
 * glued without a separator, "The." is removed. Works on code points, since every emoji here is
 * a surrogate pair in Java. Includes the empty-segment guard of FunASR fix #2681.
 */
public final class RichText {
    private static final String NEUTRAL = "<|NEUTRAL|>";
    private static final String LANGUAGE_MARK = "<|lang|>";
    private static final String NO_SPEECH_UNKNOWN_EVENT = "<|nospeech|><|Event_UNK|>";
    private static final String QUESTION_EMOJI = "\u2753";

    /** emoji_dict keys, in FunASR's insertion order: counted, then deleted, one after another. */
    private static final List<String> SPECIAL_TAGS = List.of(
            NO_SPEECH_UNKNOWN_EVENT, "<|zh|>", "<|en|>", "<|yue|>", "<|ja|>", "<|ko|>",
            "<|nospeech|>", "<|HAPPY|>", "<|SAD|>", "<|ANGRY|>", NEUTRAL, "<|BGM|>",
            "<|Speech|>", "<|Applause|>", "<|Laughter|>", "<|FEARFUL|>", "<|DISGUSTED|>",
            "<|SURPRISED|>", "<|Cry|>", "<|EMO_UNKNOWN|>", "<|Sneeze|>", "<|Breath|>",
            "<|Cough|>", "<|Sing|>", "<|Speech_Noise|>", "<|withitn|>", "<|woitn|>", "<|GBG|>",
            "<|Event_UNK|>");
    private static final List<String> LANGUAGE_TAGS = List.of(
            "<|zh|>", "<|en|>", "<|yue|>", "<|ja|>", "<|ko|>", "<|nospeech|>");
    private static final Map<String, String> EMOTION_SUFFIX = ordered(
            "<|HAPPY|>", emoji(0x1F60A), "<|SAD|>", emoji(0x1F614), "<|ANGRY|>", emoji(0x1F621),
            NEUTRAL, "", "<|FEARFUL|>", emoji(0x1F630), "<|DISGUSTED|>", emoji(0x1F922),
            "<|SURPRISED|>", emoji(0x1F62E));
    private static final Map<String, String> EVENT_PREFIX = ordered(
            "<|BGM|>", emoji(0x1F3BC), "<|Speech|>", "", "<|Applause|>", emoji(0x1F44F),
            "<|Laughter|>", emoji(0x1F600), "<|Cry|>", emoji(0x1F62D), "<|Sneeze|>", emoji(0x1F927),
            "<|Breath|>", "", "<|Cough|>", emoji(0x1F927));
    private static final List<Integer> EMOTION_EMOJIS =
            List.of(0x1F60A, 0x1F614, 0x1F621, 0x1F630, 0x1F922, 0x1F62E);
    private static final List<Integer> EVENT_EMOJIS =
            List.of(0x1F3BC, 0x1F44F, 0x1F600, 0x1F62D, 0x1F927, 0x1F637);

    private RichText() {
    }

    /** {@code rich_transcription_postprocess}: raw model text (any number of segments) → display text. */
    public static String postprocess(String raw) {
        String s = raw.replace(NO_SPEECH_UNKNOWN_EVENT, QUESTION_EMOJI);
        for (String language : LANGUAGE_TAGS) {
            s = s.replace(language, LANGUAGE_MARK);
        }
        List<String> parts = new ArrayList<>();
        for (String part : split(s, LANGUAGE_MARK)) {
            parts.add(stripSpaces(formatSegment(part)));
        }
        return pythonStrip(glue(parts).replace("The.", " "));
    }

    /** {@code format_str_v2}: one language part → event emojis + text + emotion emoji. */
    static String formatSegment(String part) {
        Map<String, Integer> counts = new HashMap<>();
        String s = part;
        for (String tag : SPECIAL_TAGS) {
            counts.put(tag, count(s, tag));
            s = s.replace(tag, "");
        }
        for (Map.Entry<String, String> event : EVENT_PREFIX.entrySet()) {
            if (counts.get(event.getKey()) > 0) {
                s = event.getValue() + s;
            }
        }
        s = s + EMOTION_SUFFIX.get(dominantEmotion(counts));
        return pythonStrip(removeSpacesAroundEmojis(s));
    }

    /** Strictly greater wins, starting from NEUTRAL: ties keep the earlier choice. */
    private static String dominantEmotion(Map<String, Integer> counts) {
        String emotion = NEUTRAL;
        for (String candidate : EMOTION_SUFFIX.keySet()) {
            if (counts.get(candidate) > counts.get(emotion)) {
                emotion = candidate;
            }
        }
        return emotion;
    }

    /** Python iterates a set here (order varies by hash seed); it only matters for runs of spaces. */
    private static String removeSpacesAroundEmojis(String s) {
        String result = s;
        for (List<Integer> emojis : List.of(EMOTION_EMOJIS, EVENT_EMOJIS)) {
            for (int codePoint : emojis) {
                String e = emoji(codePoint);
                result = result.replace(" " + e, e).replace(e + " ", e);
            }
        }
        return result;
    }

    /**
     * Glues formatted parts with no separator; drops an event emoji repeated from the previous
     * part and an emotion emoji equal to the one the text so far ends with.
     */
    private static String glue(List<String> parts) {
        String text = " " + parts.get(0);
        Integer currentEvent = leading(text, EVENT_EMOJIS);
        for (String part : parts.subList(1, parts.size())) {
            String p = part;
            if (p.isEmpty()) {
                continue;
            }
            Integer event = leading(p, EVENT_EMOJIS);
            if (event != null && event.equals(currentEvent)) {
                p = p.substring(Character.charCount(event));
                if (p.isEmpty()) {
                    continue;
                }
            }
            currentEvent = leading(p, EVENT_EMOJIS);
            Integer emotion = trailing(p, EMOTION_EMOJIS);
            if (emotion != null && emotion.equals(trailing(text, EMOTION_EMOJIS))) {
                text = text.substring(0, text.length() - Character.charCount(emotion));
            }
            text += pythonStrip(p);
        }
        return text;
    }

    private static Integer leading(String s, List<Integer> emojis) {
        int first = s.codePointAt(0);
        return emojis.contains(first) ? first : null;
    }

    private static Integer trailing(String s, List<Integer> emojis) {
        int last = s.codePointBefore(s.length());
        return emojis.contains(last) ? last : null;
    }

    /** Python's {@code str.count}: non-overlapping occurrences. */
    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }

    /** Python's {@code str.split(sep)}: keeps empty parts, including trailing ones. */
    private static List<String> split(String s, String separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = s.indexOf(separator); i >= 0; i = s.indexOf(separator, from)) {
            parts.add(s.substring(from, i));
            from = i + separator.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** Python's {@code str.strip(" ")}. */
    private static String stripSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code str.strip()}: Unicode whitespace, which includes no-break spaces. */
    static String pythonStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPythonSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isPythonSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean isPythonSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || codePoint == 0x85;
    }

    private static String emoji(int codePoint) {
        return Character.toString(codePoint);
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
