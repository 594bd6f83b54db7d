package dev.sensevoice.decode;

/**
 * Which characters are written without spaces between words: Chinese characters and Japanese
 * kana. Hangul is not among them, since Korean separates words with spaces.
 */
final class CjkScript {
    private CjkScript() {
    }

    static boolean isIdeographOrKana(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        // the prolonged sound mark ー and friends are script COMMON but belong to kana words
        return block == Character.UnicodeBlock.KATAKANA || block == Character.UnicodeBlock.HIRAGANA;
    }

    /** Ideographs and kana, plus CJK and full-width punctuation such as 。，！ */
    static boolean isCjkText(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return isIdeographOrKana(codePoint)
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
