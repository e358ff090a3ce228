package newslens.text;

import java.io.Serializable;

/**
 * One token of a text: {@code text} equals {@code source.substring(start, end)}.
 *
 * @param start offset of the first char (Java {@code String} index)
 * @param end   offset after the last char
 * @param text  the token's characters, as in the source
 * @param kind  what sort of token it is
 */
public record Token(int start, int end, String text, Kind kind) implements Serializable {

    /** Token classes; a Vietnamese WORD is one syllable. */
    public enum Kind {
        /** A run of letters (one Vietnamese syllable, one foreign word, or a run of CJK ideographs). */
        WORD,
        /** Digits, with inner {@code .} or {@code ,} separators kept ({@code 1.500}, {@code 3,5}). */
        NUMBER,
        /**
         * Letters joined by dots or {@code &} without spaces, or a known abbreviation with its dot:
         * {@code TP.HCM}, {@code V.Putin}, {@code PGS.TS.}, {@code GD&ĐT}, {@code TP.}, {@code Mr.}.
         * Kept whole so that a dictionary alias such as {@code V.Putin} is one token on both sides.
         */
        ABBREVIATION,
        /** Anything else: punctuation, symbols, emoji; one code point per token. */
        PUNCT
    }

    public boolean isWordLike() {
        return kind == Kind.WORD || kind == Kind.ABBREVIATION;
    }

    /** True when the first letter is upper case (e.g. {@code Hà}, {@code TP.HCM}, {@code iPhone} is false). */
    public boolean isCapitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    /**
     * A letter a name is shortened to ({@code V.}, {@code Đ.}): a capital without a tone or vowel mark. A
     * marked capital alone is a word ({@code Á}, Asia; {@code Ý}, Italy), and a dot after it ends the sentence.
     */
    public static boolean isInitialLetter(char c) {
        return (c >= 'A' && c <= 'Z') || c == 'Đ';
    }

    /** A word of one {@linkplain #isInitialLetter initial letter} ({@code L} in {@code anh L.}). */
    public boolean isInitial() {
        return kind == Kind.WORD && text.length() == 1 && isInitialLetter(text.charAt(0));
    }
}
