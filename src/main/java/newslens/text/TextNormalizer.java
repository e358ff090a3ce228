package newslens.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * Canonical form of article text: every later stage (patterns, offsets, entity matching) assumes it.
 *
 * <p>Stateless and thread-safe; every method runs in time linear in the input length.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * Returns {@code s} in the project's canonical form: Unicode NFC; CRLF, CR and the Unicode line and
     * paragraph separators turned into LF; tabs, NBSP and the other Unicode spaces turned into a plain
     * space; zero-width characters, soft hyphens, BOMs and control characters removed; runs of spaces
     * collapsed; each line trimmed; two or more blank lines collapsed into one; the whole trimmed.
     */
    public static String normalize(String s) {
        Objects.requireNonNull(s, "s");
        // Invisible characters go before NFC so that a base letter and its accent separated by a
        // zero-width space still compose into one character.
        return tidyLines(nfc(mapCharacters(s)));
    }

    /** Returns {@code s} in Unicode NFC (composed diacritics), the form some real files lack. */
    public static String nfc(String s) {
        Objects.requireNonNull(s, "s");
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * Returns {@code s} with its diacritics removed, {@code đ}/{@code Đ} mapped to {@code d}/{@code D}, case
     * kept: {@code "Tổng thống Đức"} becomes {@code "Tong thong Duc"}. Used to compare text with its plain
     * ASCII renderings (URL slugs, unaccented typing).
     */
    public static String stripDiacritics(String s) {
        Objects.requireNonNull(s, "s");
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(switch (c) {
                case 'đ' -> 'd';
                case 'Đ' -> 'D';
                default -> c;
            });
        }
        return out.toString();
    }

    /**
     * Returns {@code s} folded for loose comparison: diacritics stripped, lower case, every run of
     * characters other than ASCII letters and digits turned into one space, trimmed.
     */
    public static String foldToAsciiWords(String s) {
        String plain = stripDiacritics(s).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(plain.length());
        boolean pendingSpace = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /** Line breaks to LF, every space-like character to ' ', invisible and control characters dropped. */
    private static String mapCharacters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
            } else if (c == '\t' || Character.isSpaceChar(c)) {
                out.append(' ');
            } else {
                int type = Character.getType(c);
                // FORMAT covers zero-width (joiner) spaces, soft hyphen, BOM, word joiner and bidi marks.
                if (type != Character.CONTROL && type != Character.FORMAT) {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** Collapses spaces, trims lines, keeps at most one blank line between paragraphs, trims the whole. */
    private static String tidyLines(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int blankLinesPending = 0;
        int lineStart = 0;
        while (lineStart <= s.length()) {
            int lineEnd = s.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = s.length();
            }
            int start = lineStart;
            int end = lineEnd;
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
            while (end > start && s.charAt(end - 1) == ' ') {
                end--;
            }
            if (start == end) {
                blankLinesPending++;
            } else {
                if (out.length() > 0) {
                    out.append(blankLinesPending > 0 ? "\n\n" : "\n");
                }
                blankLinesPending = 0;
                appendCollapsingSpaces(out, s, start, end);
            }
            lineStart = lineEnd + 1;
        }
        return out.toString();
    }

    private static void appendCollapsingSpaces(StringBuilder out, String s, int start, int end) {
        boolean previousWasSpace = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (!previousWasSpace) {
                    out.append(c);
                }
                previousWasSpace = true;
            } else {
                out.append(c);
                previousWasSpace = false;
            }
        }
    }
}
