package dev.sensevoice.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Words with time spans from a segment's timed tokens.
 *
 * <p>Each token covers the time from its start to the next token's start (the last one to the
 * segment end); a token's non-space characters share that span evenly. Reading character by
 * character:
 * <ul>
 *   <li>a space ends the current word (a piece starting with "▁" starts a new word);</li>
 *   <li>letters, digits and other word characters continue the current word unless it is CJK
 *       or a space came before, so "▁hel" + "lo" is "hello" and " " + "5" + "0" is "50";</li>
 *   <li>each Chinese character or Japanese kana is a word of its own;</li>
 *   <li>closing and inner punctuation (. , ' 。 ？) joins the word before it, even across a
 *       space; opening brackets and quotes start a word that the next character joins.</li>
 * </ul>
 * A word starts where its first character's share starts and ends where its last one's ends, so
 * a whole-piece word ends at the start of the next token.
 */
public final class WordTimings {
    private enum Kind { LETTERS, CJK, OPENING }

    private final List<Word> words = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private Kind kind;
    private double start;
    private double end;
    private boolean afterSpace;

    private WordTimings() {
    }

    /** @param segmentEnd end of the segment in seconds (same clock as the token starts) */
    public static List<Word> of(List<TimedToken> tokens, double segmentEnd) {
        WordTimings timings = new WordTimings();
        for (int i = 0; i < tokens.size(); i++) {
            TimedToken token = tokens.get(i);
            double next = i + 1 < tokens.size() ? tokens.get(i + 1).start() : segmentEnd;
            timings.read(token.text(), token.start(), Math.max(next, token.start()));
        }
        timings.emit();
        return List.copyOf(timings.words);
    }

    private void read(String text, double from, double to) {
        int shares = (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        int index = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (Character.isWhitespace(c)) {
                afterSpace = true;
                continue;
            }
            double a = index == 0 ? from : from + (to - from) * index / shares;
            double b = index + 1 == shares ? to : from + (to - from) * (index + 1) / shares;
            add(c, a, b);
            index++;
        }
    }

    private void add(int c, double a, double b) {
        if (isClosingPunctuation(c) && current.length() > 0) {
            append(c, b);
        } else if (kind == Kind.OPENING && !afterSpace) {
            append(c, b);
            kind = kindOf(c);
        } else if (kind == Kind.LETTERS && !afterSpace && kindOf(c) == Kind.LETTERS) {
            append(c, b);
        } else {
            emit();
            start = a;
            append(c, b);
            kind = kindOf(c);
        }
        afterSpace = false;
    }

    private void append(int c, double b) {
        current.appendCodePoint(c);
        end = b;
    }

    private void emit() {
        if (current.length() > 0) {
            words.add(new Word(current.toString(), start, end));
            current.setLength(0);
        }
        kind = null;
    }

    private static Kind kindOf(int c) {
        int type = Character.getType(c);
        if (type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION) {
            return Kind.OPENING;
        }
        return CjkScript.isIdeographOrKana(c) ? Kind.CJK : Kind.LETTERS;
    }

    private static boolean isClosingPunctuation(int c) {
        int type = Character.getType(c);
        return type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.CONNECTOR_PUNCTUATION;
    }
}
