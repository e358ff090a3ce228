package newslens.entities;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Entity ids: {@code <type>:<slug>} where the slug is the name folded to ASCII (diacritics dropped,
 * {@code đ} → {@code d}), lower-cased, with runs of other characters turned into {@code _}; e.g.
 * {@code per:nguyen_van_an}, {@code loc:ha_noi}. Stable across runs and machines; two names differing only
 * by diacritics share an id, which in practice merges spelling variants rather than distinct entities.
 */
public final class EntityIds {

    private EntityIds() {
    }

    public static String fromName(EntityType type, String name) {
        return type.idPrefix() + ":" + slug(name);
    }

    public static String slug(String name) {
        // One pass over the code points instead of three regular expressions: ids are made for every
        // candidate name of every article.
        String decomposed = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        StringBuilder slug = new StringBuilder(decomposed.length());
        boolean gap = false;
        for (int i = 0; i < decomposed.length(); ) {
            int codePoint = decomposed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isMark(codePoint)) {
                continue;
            }
            int lower = Character.toLowerCase(codePoint);
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                if (gap && slug.length() > 0) {
                    slug.append('_');
                }
                gap = false;
                slug.append((char) lower);
            } else {
                gap = true;
            }
        }
        return slug.length() == 0 ? Integer.toHexString(name.hashCode()) : slug.toString();
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
