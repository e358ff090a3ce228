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
        String folded = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = folded.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return slug.isEmpty() ? Integer.toHexString(name.hashCode()) : slug;
    }
}
