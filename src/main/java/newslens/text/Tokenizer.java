package newslens.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits text into syllables, numbers, abbreviations and punctuation.
 *
 * <p>Choices that matter downstream:
 * <ul>
 *   <li>Hyphens always split: {@code Nga-Mỹ} gives {@code Nga}, {@code -}, {@code Mỹ}; the recogniser decides
 *       whether a hyphen joins a name ({@code Jong-un}) or separates two ({@code Putin-Trump}).</li>
 *   <li>Dotted abbreviations stay whole ({@code TP.HCM}, {@code V.Putin}, {@code PGS.TS.}) and a listed
 *       abbreviation keeps its dot ({@code TP.}, {@code Mr.}), as does a single capital initial ({@code V.};
 *       not a marked capital, which is a word: {@code châu Á.}),
 *       so the sentence splitter never breaks there and dictionary aliases written the same way match.</li>
 *   <li>Combining marks belong to the word they follow, so decomposed (NFD) input yields the same tokens
 *       (with different offsets) as NFC; code points outside the BMP are never cut in half.</li>
 * </ul>
 */
public final class Tokenizer implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ABBREVIATIONS_RESOURCE = "newslens/kb/abbreviations.txt";
    /** Longest left part (chars) that may start a dotted abbreviation such as {@code Th.S} or {@code TP.HCM}. */
    private static final int MAX_MIXED_CASE_PREFIX = 3;
    private static final int MAX_UPPER_CASE_PREFIX = 6;

    private final Set<String> dottedAbbreviations;

    /** @param dottedAbbreviations abbreviations written with a final dot, without the dot ({@code TP}, {@code Mr}) */
    public Tokenizer(Set<String> dottedAbbreviations) {
        this.dottedAbbreviations = Set.copyOf(dottedAbbreviations);
    }

    /** A tokenizer knowing the project's abbreviation list ({@value #ABBREVIATIONS_RESOURCE}). */
    public static Tokenizer standard() {
        return new Tokenizer(loadAbbreviations());
    }

    public List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += Character.charCount(cp);
            } else if (isWordChar(cp)) {
                i = readWord(text, i, tokens);
            } else if (Character.isDigit(cp)) {
                i = readNumber(text, i, tokens);
            } else if (cp == '.') {
                int end = i;
                while (end < n && text.charAt(end) == '.') {
                    end++;
                }
                tokens.add(new Token(i, end, text.substring(i, end), Token.Kind.PUNCT));
                i = end;
            } else {
                int end = i + Character.charCount(cp);
                tokens.add(new Token(i, end, text.substring(i, end), Token.Kind.PUNCT));
                i = end;
            }
        }
        return tokens;
    }

    private int readWord(String text, int start, List<Token> tokens) {
        int end = scanAlnum(text, start);
        boolean abbreviation = false;
        // Join "TP.HCM", "V.Putin", "PGS.TS", "GD&ĐT": a short capitalised part, a dot or '&', then a letter.
        while (end + 1 < text.length()
                && (text.charAt(end) == '.' || text.charAt(end) == '&')
                && isWordChar(text.codePointAt(end + 1))
                && canPrefixAbbreviation(lastPart(text, start, end))
                && !unitBeforeName(text, start, end)) {
            end = scanAlnum(text, end + 1);
            abbreviation = true;
        }
        if (end < text.length() && text.charAt(end) == '.' && !followedByDot(text, end)) {
            String part = lastPart(text, start, end);
            String whole = text.substring(start, end);
            boolean initial = part.length() == 1 && Token.isInitialLetter(part.charAt(0));
            if (dottedAbbreviations.contains(whole) || dottedAbbreviations.contains(part)
                    || (initial && nextNonSpaceIsUpper(text, end + 1))) {
                end++;
                abbreviation = true;
            }
        }
        Token.Kind kind = abbreviation ? Token.Kind.ABBREVIATION : Token.Kind.WORD;
        tokens.add(new Token(start, end, text.substring(start, end), kind));
        return end;
    }

    private static int readNumber(String text, int start, List<Token> tokens) {
        int n = text.length();
        int end = start;
        while (end < n) {
            char c = text.charAt(end);
            if (Character.isDigit(c)) {
                end++;
            } else if ((c == '.' || c == ',') && end + 1 < n && Character.isDigit(text.charAt(end + 1))) {
                end += 2;
            } else {
                break;
            }
        }
        tokens.add(new Token(start, end, text.substring(start, end), Token.Kind.NUMBER));
        return end;
    }

    /** Letters, combining marks and digits after the first letter ({@code G20}, {@code U16}). */
    private static int scanAlnum(String text, int start) {
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp) && !Character.isDigit(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Letters and combining marks: what a word is made of, before any digits ({@code G20}). */
    public static boolean isWordChar(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String lastPart(String text, int start, int end) {
        int i = end;
        while (i > start && text.charAt(i - 1) != '.' && text.charAt(i - 1) != '&') {
            i--;
        }
        return text.substring(i, end);
    }

    private boolean canPrefixAbbreviation(String part) {
        if (part.isEmpty() || !Character.isUpperCase(part.codePointAt(0))) {
            return false;
        }
        return part.length() <= MAX_MIXED_CASE_PREFIX
                || (part.length() <= MAX_UPPER_CASE_PREFIX && part.equals(part.toUpperCase()))
                || dottedAbbreviations.contains(part);
    }

    /**
     * {@code TP.Cần Thơ}, {@code Q.Bình Thạnh}: a listed abbreviation glued to a capitalised word that is not
     * itself an abbreviation is a unit prefix and a name, to be split after the dot.
     */
    private boolean unitBeforeName(String text, int start, int dot) {
        if (text.charAt(dot) != '.' || !dottedAbbreviations.contains(text.substring(start, dot))) {
            return false;
        }
        int wordEnd = scanAlnum(text, dot + 1);
        String word = text.substring(dot + 1, wordEnd);
        return word.length() > 1 && !word.equals(word.toUpperCase());
    }

    private static boolean followedByDot(String text, int dot) {
        return dot + 1 < text.length() && text.charAt(dot + 1) == '.';
    }

    private static boolean nextNonSpaceIsUpper(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i > from && i < text.length() && Character.isUpperCase(text.codePointAt(i));
    }

    private static Set<String> loadAbbreviations() {
        ClassLoader loader = Tokenizer.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(ABBREVIATIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + ABBREVIATIONS_RESOURCE);
            }
            Set<String> result = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    result.add(entry.endsWith(".") ? entry.substring(0, entry.length() - 1) : entry);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
