package dev.sensevoice.output;

/** Which characters are written without spaces between them, and which take two columns on screen. */
final class Scripts {
    private Scripts() {
    }

    /** Han, kana and CJK punctuation: no space between neighbours. Hangul is not: Korean spaces its words. */
    static boolean unspaced(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || fullWidthPunctuation(codePoint);
    }

    /** Characters a subtitle line holds 16 of where it holds 42 Latin ones. */
    static boolean wide(int codePoint) {
        return unspaced(codePoint) || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HANGUL;
    }

    static boolean punctuation(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.OTHER_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.DASH_PUNCTUATION;
    }

    private static boolean fullWidthPunctuation(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
