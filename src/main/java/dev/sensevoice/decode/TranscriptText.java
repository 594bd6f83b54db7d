package dev.sensevoice.decode;

import java.util.List;

/** A file's text from its segments' texts (design Part 2, JSON {@code text}). */
public final class TranscriptText {
    private TranscriptText() {
    }

    /**
     * Joins segment texts in order with one space, except none where a CJK character or CJK
     * punctuation meets another ("你好。" + "再见" → "你好。再见"). Blank segments are skipped and
     * each text is stripped first.
     */
    public static String join(List<String> segmentTexts) {
        StringBuilder text = new StringBuilder();
        for (String segmentText : segmentTexts) {
            String next = segmentText.strip();
            if (next.isEmpty()) {
                continue;
            }
            if (text.length() > 0 && !bothCjk(text, next)) {
                text.append(' ');
            }
            text.append(next);
        }
        return text.toString();
    }

    private static boolean bothCjk(CharSequence before, String after) {
        int last = Character.codePointBefore(before, before.length());
        return CjkScript.isCjkText(last) && CjkScript.isCjkText(after.codePointAt(0));
    }
}
