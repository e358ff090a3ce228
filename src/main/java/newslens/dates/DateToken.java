package newslens.dates;

import newslens.text.Token;
import newslens.text.Tokenizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A token as the date grammar reads it: a word, a number with its separators ({@code 24/10/2018},
 * {@code 09:11}), an hour in the {@code 9h30} / {@code 9g30} style, or one punctuation character.
 * Built from the project's {@link Tokenizer} tokens: their words, abbreviations and runs of dots are taken
 * apart into letters, ASCII digits and single characters, so that {@code QĐ-10/5} is a code ({@code QĐ},
 * {@code -}, {@code 10/5}) the parser can recognise and a missing space ({@code Sáng23/4}) still leaves the
 * date readable; then digits are joined back with their separators into numbers and clocks.
 *
 * @param key the word in lower-case NFC (so decomposed input still meets the lexicon), else the text
 */
record DateToken(int start, int end, String text, String key, Kind kind) {

    enum Kind { WORD, NUMBER, CLOCK, PUNCT }

    private static final String NUMBER_SEPARATORS = "/-:.,";
    private static final String CLOCK_LETTERS = "hHgG";
    private static final int MAX_CLOCK_DIGITS = 2;

    /** A run of letters, a run of ASCII digits, or one other character of a token. */
    private record Piece(int start, int end, PieceKind kind) {
        int length() {
            return end - start;
        }
    }

    private enum PieceKind { LETTERS, DIGITS, OTHER }

    /** The date tokens of {@code text}, whose tokens by {@link Tokenizer} are {@code tokens}. */
    static List<DateToken> of(String text, List<Token> tokens) {
        List<Piece> pieces = new ArrayList<>();
        for (Token token : tokens) {
            addPieces(text, token, pieces);
        }
        List<DateToken> result = new ArrayList<>(pieces.size());
        int k = 0;
        while (k < pieces.size()) {
            Piece p = pieces.get(k);
            int next = p.kind() == PieceKind.DIGITS ? clockEnd(text, pieces, k) : -1;
            Kind kind = Kind.CLOCK;
            if (next < 0 && p.kind() == PieceKind.DIGITS) {
                next = numberEnd(text, pieces, k);
                kind = Kind.NUMBER;
            } else if (next < 0) {
                next = k + 1;
                kind = p.kind() == PieceKind.LETTERS ? Kind.WORD : Kind.PUNCT;
            }
            String s = text.substring(p.start(), pieces.get(next - 1).end());
            result.add(new DateToken(p.start(), p.start() + s.length(), s, kind == Kind.WORD ? wordKey(s) : s, kind));
            k = next;
        }
        return result;
    }

    private static void addPieces(String text, Token token, List<Piece> pieces) {
        int i = token.start();
        while (i < token.end()) {
            int cp = text.codePointAt(i);
            PieceKind kind = Tokenizer.isWordChar(cp) ? PieceKind.LETTERS
                    : isAsciiDigit(cp) ? PieceKind.DIGITS : PieceKind.OTHER;
            int end = i + Character.charCount(cp);
            while (kind != PieceKind.OTHER && end < token.end() && sameRun(kind, text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            pieces.add(new Piece(i, end, kind));
            i = end;
        }
    }

    private static boolean sameRun(PieceKind kind, int cp) {
        return kind == PieceKind.LETTERS ? Tokenizer.isWordChar(cp) : isAsciiDigit(cp);
    }

    /**
     * {@code 9h}, {@code 9h30}, {@code 19g5}: one or two digits, an h or g, at most two digits, and no letter or
     * digit right after. The piece index after the clock, or -1.
     */
    private static int clockEnd(String text, List<Piece> pieces, int k) {
        if (pieces.get(k).length() > MAX_CLOCK_DIGITS || !glued(pieces, k + 1)) return -1;
        Piece letter = pieces.get(k + 1);
        if (letter.length() != 1 || CLOCK_LETTERS.indexOf(text.charAt(letter.start())) < 0) return -1;
        int next = k + 2;
        if (glued(pieces, next) && pieces.get(next).kind() == PieceKind.DIGITS
                && pieces.get(next).length() <= MAX_CLOCK_DIGITS) {
            next++;
        }
        int end = pieces.get(next - 1).end();
        return end < text.length() && isLetterOrNumber(text.codePointAt(end)) ? -1 : next;
    }

    /** Digits joined by single separators to more digits; the piece index after the number. */
    private static int numberEnd(String text, List<Piece> pieces, int k) {
        int next = k + 1;
        while (glued(pieces, next) && glued(pieces, next + 1) && pieces.get(next + 1).kind() == PieceKind.DIGITS
                && pieces.get(next).kind() == PieceKind.OTHER
                && NUMBER_SEPARATORS.indexOf(text.charAt(pieces.get(next).start())) >= 0) {
            next += 2;
        }
        return next;
    }

    /** Piece {@code k} exists and starts where the one before it ends. */
    private static boolean glued(List<Piece> pieces, int k) {
        return k < pieces.size() && pieces.get(k).start() == pieces.get(k - 1).end();
    }

    private static boolean isAsciiDigit(int cp) {
        return cp >= '0' && cp <= '9';
    }

    private static boolean isLetterOrNumber(int cp) {
        int type = Character.getType(cp);
        return Tokenizer.isWordChar(cp) || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
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
