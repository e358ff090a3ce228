package newslens.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date in the timestamp line that news pages print under the title, e.g. {@code 09:11 | 24/10/2018},
 * {@code 24/10/2018 09:11}, {@code Thứ tư, 24.10.2018, 09:11 (GMT+7)}. Finding that line is the ingest
 * parser's job ({@code headerTimestamp} in {@code newslens/ingest/boilerplate.json}).
 */
public final class HeaderTimestamp {

    private static final Pattern DATE_IN_HEADER = Pattern.compile(
            "(?<![\\d/.])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?![\\d/.])|(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

    private HeaderTimestamp() {
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
