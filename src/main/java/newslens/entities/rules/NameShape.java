package newslens.entities.rules;

import java.util.Locale;
import newslens.text.VietnameseSyllable;

/** The spelling shape of words: whether a word can be a Vietnamese syllable. */
final class NameShape {

    private NameShape() {
    }

    static boolean isVietnameseSyllable(String word) {
        return VietnameseSyllable.isSyllable(word);
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
