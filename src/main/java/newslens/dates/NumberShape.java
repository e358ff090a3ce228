package newslens.dates;

import java.time.YearMonth;

/**
 * What a number token can denote, read from its digits and separators alone.
 * Context decides later whether a {@link Kind#DAY_MONTH} such as {@code 9/5} really is a date.
 */
record NumberShape(Kind kind, int day, int month, int year, int hour, int minute) {

    enum Kind {
        /** {@code 24/10/2018}, {@code 24-10-2018}, or a range {@code 22-23/10/2018}: day is the first day. */
        FULL_DATE,
        /** {@code 24/10}, {@code 24-10}, or a range {@code 22-23/10}: day is the first day. */
        DAY_MONTH,
        /** {@code 1/2017}, {@code 1-2017}: meaningful after "tháng" or "quý". */
        MONTH_YEAR,
        /** {@code 09:11}, {@code 09:11:05}. */
        CLOCK,
        OTHER
    }

    private static final NumberShape OTHER = new NumberShape(Kind.OTHER, 0, 0, 0, 0, 0);

    static NumberShape of(String token) {
        String[] parts = token.split("[/\\-:.,]", -1);
        String seps = token.replaceAll("\\d", "");
        if (parts.length == 2 && (seps.equals("/") || seps.equals("-"))) {
            if (isShort(parts[0]) && isShort(parts[1])) {
                return dayMonth(num(parts[0]), num(parts[1]), Kind.DAY_MONTH, 0);
            }
            if (isShort(parts[0]) && parts[1].length() == 4 && validMonth(num(parts[0]))) {
                return new NumberShape(Kind.MONTH_YEAR, 0, num(parts[0]), num(parts[1]), 0, 0);
            }
            return OTHER;
        }
        if (seps.equals("//") || seps.equals("--")) {
            return parts[2].length() == 4 && isShort(parts[0]) && isShort(parts[1])
                    ? dayMonth(num(parts[0]), num(parts[1]), Kind.FULL_DATE, num(parts[2])) : OTHER;
        }
        if (seps.equals("-/") && isShort(parts[0]) && isShort(parts[1]) && isShort(parts[2])) {
            return dayRange(num(parts[0]), num(parts[1]), num(parts[2]), Kind.DAY_MONTH, 0);
        }
        if (seps.equals("-//") && isShort(parts[0]) && isShort(parts[1]) && isShort(parts[2])
                && parts[3].length() == 4) {
            return dayRange(num(parts[0]), num(parts[1]), num(parts[2]), Kind.FULL_DATE, num(parts[3]));
        }
        if ((seps.equals(":") || seps.equals("::")) && isShort(parts[0]) && parts[1].length() == 2
                && (parts.length == 2 || parts[2].length() == 2)) {
            int hour = num(parts[0]);
            int minute = num(parts[1]);
            return hour <= 23 && minute <= 59 ? new NumberShape(Kind.CLOCK, 0, 0, 0, hour, minute) : OTHER;
        }
        return OTHER;
    }

    private static NumberShape dayRange(int firstDay, int lastDay, int month, Kind kind, int year) {
        return firstDay < lastDay && validDay(lastDay, month, year) ? dayMonth(firstDay, month, kind, year) : OTHER;
    }

    private static NumberShape dayMonth(int day, int month, Kind kind, int year) {
        return validDay(day, month, year) ? new NumberShape(kind, day, month, year, 0, 0) : OTHER;
    }

    /** Valid in the given year, or in a leap year when the year is not known (0). */
    static boolean validDay(int day, int month, int year) {
        if (!validMonth(month) || day < 1) return false;
        return day <= YearMonth.of(year == 0 ? 2000 : year, month).lengthOfMonth();
    }

    static boolean validMonth(int month) {
        return month >= 1 && month <= 12;
    }

    private static boolean isShort(String digits) {
        return !digits.isEmpty() && digits.length() <= 2;
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
