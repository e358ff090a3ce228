package newslens.entities.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The spelling shape of words: whether a word can be a Vietnamese syllable. */
final class NameShape {

    /**
     * Onset, vowel nucleus and coda of a Vietnamese syllable with its marks removed. Loose on purpose (it
     * accepts some impossible syllables) but rejects the consonant clusters, final consonants and multi-vowel
     * groups of foreign words: {@code Mark}, {@code Galaxy}, {@code Ronson}, {@code Digital}.
     */
    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                    + "(a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ya|ye"
                    + "|iai|ieu|oai|oay|oeo|uay|uoi|uou|uya|uye|uyu|yeu)"
                    + "(ch|ng|nh|[cmnptiyou])?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private NameShape() {
    }

    static boolean isVietnameseSyllable(String word) {
        String bare = MARKS.matcher(Normalizer.normalize(word.toLowerCase(Locale.ROOT).replace('đ', 'd'),
                Normalizer.Form.NFD)).replaceAll("");
        return SYLLABLE.matcher(bare).matches();
    }

    /** {@code HẬU} and {@code hậu} as {@code Hậu}, the form word lists write names in. */
    static String titleCase(String word) {
        if (word.isEmpty()) {
            return word;
        }
        int first = Character.charCount(word.codePointAt(0));
        return word.substring(0, first).toUpperCase(Locale.ROOT) + word.substring(first).toLowerCase(Locale.ROOT);
    }
}
