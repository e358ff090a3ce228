package newslens.dates;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token of the date parser: a word, a number with its separators ({@code 24/10/2018}, {@code 09:11}),
 * an hour in the {@code 9h30} / {@code 9g30} style, or one punctuation character.
 *
 * @param key the word in lower-case NFC (so decomposed input still meets the lexicon), else the text
 */
record Token(int start, int end, String text, String key, Kind kind) {

    enum Kind { WORD, NUMBER, CLOCK, PUNCT }

    // Letters and digits are split apart so that "QĐ-10/5" is a code ("QĐ", "-", "10/5") the parser can
    // recognise, and a missing space ("Sáng23/4") still leaves the date readable.
    private static final Pattern TOKEN = Pattern.compile(
            "(\\d{1,2}[hHgG]\\d{0,2})(?![\\p{L}\\p{M}\\p{N}])"
                    + "|(\\d+(?:[/\\-:.,]\\d+)*)"
                    + "|([\\p{L}\\p{M}]+)"
                    + "|(\\S)");

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String s = m.group();
            Kind kind = m.group(1) != null ? Kind.CLOCK
                    : m.group(2) != null ? Kind.NUMBER
                    : m.group(3) != null ? Kind.WORD
                    : Kind.PUNCT;
            tokens.add(new Token(m.start(), m.end(), s, kind == Kind.WORD ? wordKey(s) : s, kind));
        }
        return tokens;
    }

    static String wordKey(String word) {
        String nfc = Normalizer.isNormalized(word, Normalizer.Form.NFC)
                ? word : Normalizer.normalize(word, Normalizer.Form.NFC);
        return nfc.toLowerCase(Locale.ROOT);
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isPunct(char c) {
        return kind == Kind.PUNCT && text.charAt(0) == c;
    }

    boolean isCapitalized() {
        return Character.isUpperCase(text.charAt(0));
    }

    /** The value of a plain run of digits, or -1. */
    int intValue() {
        if (kind != Kind.NUMBER || text.length() > 4) return -1;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) return -1;
        }
        return Integer.parseInt(text);
    }

    boolean isFourDigitNumber() {
        return kind == Kind.NUMBER && text.length() == 4 && intValue() >= 0;
    }
}
