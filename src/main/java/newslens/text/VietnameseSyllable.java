package newslens.text;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a word has the shape of one Vietnamese syllable: onset, vowel group, coda and at most one
 * tone mark, with the rule that stop codas (c, ch, p, t) take only the sắc or nặng tone. The shape comes
 * from {@code newslens/text/vietnamese-syllable.json}. It recognises form, not vocabulary: "bắp" and
 * "khoắc" both pass, "the" passes too, "café", "naïve" and mojibake such as "ViÖt" fail.
 */
public final class VietnameseSyllable {

    private static final String RESOURCE = "newslens/text/vietnamese-syllable.json";
    private static final Shape SHAPE = Shape.load();

    private static final char GRAVE = '\u0300';
    private static final char ACUTE = '\u0301';
    private static final char TILDE = '\u0303';
    private static final char HOOK_ABOVE = '\u0309';
    private static final char DOT_BELOW = '\u0323';
    private static final char NO_TONE = ' ';
    /** The Vietnamese alphabet without tone marks: no f, j, w, z. */
    private static final String BASE_LETTERS = "abcdeghiklmnopqrstuvxyđăâêôơư";
    /** Latin-1 Supplement to Latin Extended Additional hold every precomposed Vietnamese letter. */
    private static final char LATIN_FIRST = '\u00C0';
    private static final char LATIN_LAST = '\u1EFF';
    /** The longest syllables, such as "nghiêng", have seven letters. */
    private static final int MAX_SYLLABLE_LETTERS = 7;
    private static final LetterTables LETTER_TABLES = LetterTables.build();
    private static final String LETTERS = LETTER_TABLES.letters();
    private static final String BASE_OF_LETTER = LETTER_TABLES.bases();
    private static final String TONE_OF_LETTER = LETTER_TABLES.tones();

    private VietnameseSyllable() {
    }

    public static boolean isSyllable(String word) {
        if (word.isEmpty() || word.length() > MAX_SYLLABLE_LETTERS) {
            return false;
        }
        char[] base = new char[word.length()];
        char tone = NO_TONE;
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            int letter = LETTERS.indexOf(c);
            if (letter < 0) {
                return false;
            }
            char letterTone = TONE_OF_LETTER.charAt(letter);
            if (letterTone != NO_TONE) {
                if (tone != NO_TONE) {
                    return false;
                }
                tone = letterTone;
            }
            base[i] = BASE_OF_LETTER.charAt(letter);
        }
        String toneless = new String(base);
        if (hasRhyme(toneless, tone)) {
            return true;
        }
        for (String onset : SHAPE.onsets()) {
            if (toneless.length() > onset.length() && toneless.startsWith(onset)
                    && hasRhyme(toneless.substring(onset.length()), tone)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRhyme(String rhyme, char tone) {
        if (SHAPE.openVowels().contains(rhyme)) {
            return true;
        }
        for (String coda : SHAPE.codas()) {
            if (rhyme.length() > coda.length() && rhyme.endsWith(coda)
                    && SHAPE.closableVowels().contains(rhyme.substring(0, rhyme.length() - coda.length()))
                    && (!SHAPE.stopCodas().contains(coda) || tone == ACUTE || tone == DOT_BELOW)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTone(char c) {
        return c == GRAVE || c == ACUTE || c == TILDE || c == HOOK_ABOVE || c == DOT_BELOW;
    }

    private record Shape(List<String> onsets, Set<String> openVowels, Set<String> closableVowels,
                         List<String> codas, Set<String> stopCodas) {

        static Shape load() {
            try (InputStream in = VietnameseSyllable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                Shape shape = new ObjectMapper().readerFor(Shape.class)
                        .with(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                        .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                                DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                        .readValue(in);
                return new Shape(List.copyOf(shape.onsets), Set.copyOf(shape.openVowels),
                        Set.copyOf(shape.closableVowels), List.copyOf(shape.codas), Set.copyOf(shape.stopCodas));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * Every lowercase Vietnamese letter, toned or not, found by decomposing the Latin blocks: the letter at
     * index i of {@code letters} is {@code bases} at i plus the tone {@code tones} at i ({@link #NO_TONE}
     * for none). Tables instead of a {@link Normalizer} per word keep scoring a whole file cheap.
     */
    private record LetterTables(String letters, String bases, String tones) {

        static LetterTables build() {
            StringBuilder letters = new StringBuilder(BASE_LETTERS);
            StringBuilder bases = new StringBuilder(BASE_LETTERS);
            StringBuilder tones = new StringBuilder(String.valueOf(NO_TONE).repeat(BASE_LETTERS.length()));
            for (char c = LATIN_FIRST; c <= LATIN_LAST; c++) {
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char tone = NO_TONE;
                StringBuilder rest = new StringBuilder();
                for (char part : decomposed.toCharArray()) {
                    if (isTone(part)) {
                        tone = part;
                    } else {
                        rest.append(part);
                    }
                }
                String base = Normalizer.normalize(rest, Normalizer.Form.NFC);
                if (tone != NO_TONE && Character.isLowerCase(c) && base.length() == 1 && BASE_LETTERS.contains(base)) {
                    letters.append(c);
                    bases.append(base);
                    tones.append(tone);
                }
            }
            return new LetterTables(letters.toString(), bases.toString(), tones.toString());
        }
    }
}
