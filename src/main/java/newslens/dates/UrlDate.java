package newslens.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publication date that many news sites write into article URLs:
 * {@code -20210406150223526.htm} (yyyyMMddHHmmss + milliseconds), {@code -20210406150223.htm},
 * {@code /2018/10/24/}, {@code -2018-10-24}, {@code /20181024/}.
 */
public final class UrlDate {

    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2100;

    // A timestamp must be a whole digit run, so article ids of other lengths are not misread.
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(?:\\d{3})?(?!\\d)");
    private static final Pattern SLASHED = Pattern.compile("/(\\d{4})/(\\d{1,2})/(\\d{1,2})(?=[/?#.\\-_]|$)");
    private static final Pattern DASHED = Pattern.compile("(?<![\\d\\-])-(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("/(\\d{4})(\\d{2})(\\d{2})(?=/)");

    private UrlDate() {
    }

    public static Optional<LocalDate> find(String url) {
        if (url == null || url.isEmpty()) return Optional.empty();
        Matcher ts = TIMESTAMP.matcher(url);
        while (ts.find()) {
            Optional<LocalDate> d = timestamp(ts);
            if (d.isPresent()) return d;
        }
        for (Pattern p : new Pattern[] {SLASHED, DASHED, COMPACT}) {
            Matcher m = p.matcher(url);
            while (m.find()) {
                Optional<LocalDate> d = date(m.group(1), m.group(2), m.group(3));
                if (d.isPresent()) return d;
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> timestamp(Matcher m) {
        try {
            LocalDateTime t = LocalDateTime.of(num(m.group(1)), num(m.group(2)), num(m.group(3)),
                    num(m.group(4)), num(m.group(5)), num(m.group(6)));
            return inRange(t.toLocalDate());
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return inRange(LocalDate.of(num(year), num(month), num(day)));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> inRange(LocalDate d) {
        return d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR ? Optional.of(d) : Optional.empty();
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
