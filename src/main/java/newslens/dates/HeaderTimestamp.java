package newslens.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamp line that news pages print under the title, e.g. {@code 09:11 | 24/10/2018},
 * {@code 24/10/2018 09:11}, {@code Thứ tư, 24/10/2018, 09:11 (GMT+7)}.
 */
public final class HeaderTimestamp {

    /** Lines looked at from the top of the text: the header sits under the title, above the lead. */
    static final int MAX_LINES = 8;

    private static final String TIME = "\\d{1,2}[:hg]\\d{2}";
    private static final String DATE = "\\d{1,2}/\\d{1,2}/\\d{4}";
    private static final String SEP = "\\s*[|,\\-–]?\\s*";
    // A whole line holding only a date and a time, optionally after a weekday ("Thứ tư,") and before a zone.
    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?:[\\p{L}\\p{M}\\d ]{1,20},\\s*)?(?:" + TIME + SEP + DATE + "|" + DATE + SEP + TIME + ")"
                    + "(?:\\s*\\(?\\s*(?:GMT|UTC)\\s*[+-]\\s*\\d{1,2}\\s*\\)?)?");
    private static final Pattern DATE_IN_HEADER = Pattern.compile(
            "(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])|(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

    private HeaderTimestamp() {
    }

    /** The header line among the first lines of {@code text}, trimmed, or empty. */
    public static Optional<String> find(String text) {
        if (text == null) return Optional.empty();
        int lineStart = 0;
        for (int line = 0; line < MAX_LINES && lineStart <= text.length(); line++) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.length();
            String candidate = text.substring(lineStart, lineEnd).strip();
            if (HEADER_LINE.matcher(candidate).matches()) return Optional.of(candidate);
            lineStart = lineEnd + 1;
        }
        return Optional.empty();
    }

    /** The date written in a header such as {@code 09:11 | 24/10/2018} (or an ISO date), if valid. */
    public static Optional<LocalDate> dateOf(String header) {
        if (header == null) return Optional.empty();
        Matcher m = DATE_IN_HEADER.matcher(header);
        if (!m.find()) return Optional.empty();
        try {
            return m.group(1) != null
                    ? Optional.of(LocalDate.of(num(m.group(3)), num(m.group(2)), num(m.group(1))))
                    : Optional.of(LocalDate.of(num(m.group(4)), num(m.group(5)), num(m.group(6))));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
