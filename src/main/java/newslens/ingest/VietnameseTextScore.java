package newslens.ingest;

import newslens.text.VietnameseSyllable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How much a decoded text looks like Vietnamese: the basis for choosing among legacy encodings.
 *
 * <p>Words are the pieces between whitespace, hyphens and slashes, trimmed of surrounding punctuation;
 * pieces without letters (numbers, dashes) are not words. A word with punctuation inside ("TP.HCM",
 * mojibake such as "B¸t") counts as a word but never as a syllable.
 *
 * @param words         words in the text
 * @param syllables     words that have the shape of a Vietnamese syllable ({@link VietnameseSyllable})
 * @param functionWords words in {@code newslens/ingest/vietnamese-function-words.txt}
 * @param suspectChars  characters no Vietnamese text holds: controls, U+FFFD, combining marks left
 *                      uncomposed, private-use characters and the Latin-1 signs that wrong tables produce
 * @param visibleChars  characters that are not whitespace
 */
record VietnameseTextScore(int words, int syllables, int functionWords, int suspectChars, int visibleChars) {

    private static final String FUNCTION_WORDS_RESOURCE = "newslens/ingest/vietnamese-function-words.txt";
    private static final Set<String> FUNCTION_WORDS = loadFunctionWords();
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\-/\u2013\u2014]+");
    /** Latin-1 signs a Vietnamese text has no use for; the degree sign, guillemets and middle dot are real. */
    private static final String SUSPECT_SIGNS = "¡¢£¤¥¦¨©ª¬®¯±²³´µ¶¸¹º¼½¾¿×÷";

    static VietnameseTextScore of(String text) {
        int words = 0;
        int syllables = 0;
        int functionWords = 0;
        for (String piece : WORD_SEPARATORS.split(text)) {
            String word = trimPunctuation(piece);
            if (!hasLetter(word)) {
                continue;
            }
            words++;
            if (isAllLetters(word) && VietnameseSyllable.isSyllable(word)) {
                syllables++;
                if (FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                    functionWords++;
                }
            }
        }
        int suspect = 0;
        int visible = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                visible++;
                if (isSuspect(c)) {
                    suspect++;
                }
            }
        }
        return new VietnameseTextScore(words, syllables, functionWords, suspect, visible);
    }

    double syllableShare() {
        return share(syllables, words);
    }

    double functionWordShare() {
        return share(functionWords, words);
    }

    double suspectShare() {
        return share(suspectChars, visibleChars);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String trimPunctuation(String piece) {
        int start = 0;
        int end = piece.length();
        while (start < end && !isWordChar(piece.charAt(start))) {
            start++;
        }
        while (end > start && !isWordChar(piece.charAt(end - 1))) {
            end--;
        }
        return piece.substring(start, end);
    }

    /** Letters and combining marks: a stray mark at a word's edge is mojibake to judge, not punctuation. */
    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean hasLetter(String word) {
        return word.chars().anyMatch(Character::isLetter);
    }

    private static boolean isAllLetters(String word) {
        return word.chars().allMatch(Character::isLetter);
    }

    private static boolean isSuspect(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.NON_SPACING_MARK || type == Character.PRIVATE_USE
                || c == '\uFFFD' || SUSPECT_SIGNS.indexOf(c) >= 0;
    }

    private static Set<String> loadFunctionWords() {
        try (InputStream in = VietnameseTextScore.class.getClassLoader().getResourceAsStream(FUNCTION_WORDS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FUNCTION_WORDS_RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FUNCTION_WORDS_RESOURCE, e);
        }
    }
}
