package newslens.text;

import java.util.Comparator;

/**
 * Orders strings by code point, which is the order Spark gives strings (their UTF-8 bytes).
 * {@link String#compareTo} orders UTF-16 units instead and puts characters beyond the basic plane
 * before U+E000–U+FFFF, so a tie broken in Java would differ from the same tie broken by Spark.
 */
public final class CodePointOrder {

    public static final Comparator<String> COMPARATOR = CodePointOrder::compare;

    private CodePointOrder() {}

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
