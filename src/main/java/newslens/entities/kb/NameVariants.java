package newslens.entities.kb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surface forms generated from a name instead of being listed by hand.
 */
final class NameVariants {

    /**
     * Old and new tone placement on syllable-final {@code oa}, {@code oe}, {@code uy} ({@code Hòa}/{@code Hoà},
     * {@code Ủy}/{@code Uỷ}); both are common in Vietnamese news.
     */
    private static final Map<String, String> TONE_PLACEMENT = Map.ofEntries(
            Map.entry("òa", "oà"), Map.entry("óa", "oá"), Map.entry("ỏa", "oả"), Map.entry("õa", "oã"),
            Map.entry("ọa", "oạ"), Map.entry("òe", "oè"), Map.entry("óe", "oé"), Map.entry("ỏe", "oẻ"),
            Map.entry("õe", "oẽ"), Map.entry("ọe", "oẹ"), Map.entry("ùy", "uỳ"), Map.entry("úy", "uý"),
            Map.entry("ủy", "uỷ"), Map.entry("ũy", "uỹ"), Map.entry("ụy", "uỵ"));
    private static final Pattern FINAL_PAIR = Pattern.compile("(?<![qQ])([òóỏõọoùúủũụu][aeyàáảãạèéẻẽẹỳýỷỹỵ])(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A syllable of one consonant and a final {@code i} or {@code y}: after h, k, l, m, s and t the press writes
     * either ({@code Thụy Sĩ}/{@code Thụy Sỹ}, {@code kỹ}/{@code kĩ}, {@code Lý}/{@code Lí}).
     */
    private static final Pattern FINAL_I_OR_Y = Pattern.compile("(?<!\\p{L})([hklmstHKLMST])([iíìỉĩịyýỳỷỹỵ])(?!\\p{L})");
    private static final String FINAL_I = "iíìỉĩị";
    private static final String FINAL_Y = "yýỳỷỹỵ";

    private NameVariants() {
    }

    /** The form itself, its other tone placement and its other final i or y, where it has them. */
    static Set<String> spellings(String form) {
        Set<String> result = new LinkedHashSet<>();
        for (String placed : tonePlacements(form)) {
            result.add(placed);
            result.add(otherFinalIOrY(placed));
        }
        return result;
    }

    /** {@code Thụy Sĩ} → {@code Thụy Sỹ}: every final i or y of {@link #FINAL_I_OR_Y} swapped. */
    private static String otherFinalIOrY(String form) {
        Matcher m = FINAL_I_OR_Y.matcher(form);
        StringBuilder swapped = new StringBuilder();
        while (m.find()) {
            String vowel = m.group(2);
            int asI = FINAL_I.indexOf(vowel);
            String other = asI >= 0 ? FINAL_Y.substring(asI, asI + 1) : FINAL_I.substring(FINAL_Y.indexOf(vowel),
                    FINAL_Y.indexOf(vowel) + 1);
            m.appendReplacement(swapped, Matcher.quoteReplacement(m.group(1) + other));
        }
        m.appendTail(swapped);
        return swapped.toString();
    }

    /** The form itself plus its other tone placement, if it has one. */
    private static Set<String> tonePlacements(String form) {
        Set<String> result = new LinkedHashSet<>();
        result.add(form);
        Matcher m = FINAL_PAIR.matcher(form);
        StringBuilder swapped = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String pair = m.group(1);
            String other = swapTone(pair);
            changed |= !other.equals(pair);
            m.appendReplacement(swapped, Matcher.quoteReplacement(other));
        }
        m.appendTail(swapped);
        if (changed) {
            result.add(swapped.toString());
        }
        return result;
    }

    private static String swapTone(String pair) {
        boolean upper = Character.isUpperCase(pair.charAt(0));
        String lower = pair.toLowerCase(java.util.Locale.ROOT);
        String other = TONE_PLACEMENT.get(lower);
        if (other == null) {
            other = TONE_PLACEMENT.entrySet().stream()
                    .filter(e -> e.getValue().equals(lower)).map(Map.Entry::getKey).findFirst().orElse(lower);
        }
        return upper ? Character.toUpperCase(other.charAt(0)) + other.substring(1) : other;
    }

    /**
     * Short forms of a person's name written given-name first: the surname ({@code Putin}) and the initial
     * with the surname ({@code V.Putin}, {@code V. Putin}), as Vietnamese news abbreviates foreign leaders.
     */
    static List<String> westernShortForms(String fullName) {
        String[] parts = fullName.trim().split("\\s+");
        List<String> result = new ArrayList<>();
        if (parts.length < 2) {
            return result;
        }
        String surname = parts[parts.length - 1];
        String initial = parts[0].substring(0, parts[0].offsetByCodePoints(0, 1));
        result.add(surname);
        result.add(initial + "." + surname);
        result.add(initial + ". " + surname);
        return result;
    }
}
