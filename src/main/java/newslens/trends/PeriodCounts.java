package newslens.trends;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import newslens.table.Granularity;

/**
 * One key's articles per period of one granularity (a day or an ISO week), only the periods it was seen
 * in, oldest first: what {@link TrendScorer} and {@link KeyTrends} read. A period is its position on a line
 * of consecutive periods: its day since 1970 for days, for weeks the day of its Monday divided by 7 (the first
 * Monday after the epoch, 1970-01-05, is day 4). Held in two arrays, not a map of dates: the stage builds one
 * for every key of the corpus.
 */
public final class PeriodCounts {

    /** 1970-01-05, the first Monday after the epoch, is day 4: week i starts on day 7i + 4. */
    private static final int MONDAY_OFFSET = 4;

    private final Granularity granularity;
    private final long[] periods;
    private final long[] articles;

    private PeriodCounts(Granularity granularity, long[] periods, long[] articles) {
        this.granularity = granularity;
        this.periods = periods;
        this.articles = articles;
    }

    /**
     * Days and their articles in any order, a day perhaps more than once (its articles are summed); the
     * first {@code size} entries of the arrays are read.
     */
    static PeriodCounts ofDays(int[] days, long[] dayArticles, int size) {
        long[] order = new long[size];
        for (int i = 0; i < size; i++) {
            // the day in the high bits, the entry's position in the low ones: sorting orders the days
            order[i] = ((long) days[i] << 32) | i;
        }
        Arrays.sort(order);
        long[] periods = new long[size];
        long[] articles = new long[size];
        for (int i = 0; i < size; i++) {
            periods[i] = (int) (order[i] >> 32);
            articles[i] = dayArticles[(int) order[i]];
        }
        return summed(Granularity.DAY, periods, articles);
    }

    /** Periods in order, a period perhaps more than once in a row: one entry per period, its articles summed. */
    private static PeriodCounts summed(Granularity granularity, long[] periods, long[] articles) {
        long[] distinct = new long[periods.length];
        long[] sums = new long[periods.length];
        int n = 0;
        for (int i = 0; i < periods.length; i++) {
            if (n > 0 && distinct[n - 1] == periods[i]) {
                sums[n - 1] += articles[i];
            } else {
                distinct[n] = periods[i];
                sums[n++] = articles[i];
            }
        }
        return new PeriodCounts(granularity, Arrays.copyOf(distinct, n), Arrays.copyOf(sums, n));
    }

    /** Period start → articles, as a map; every start of a week must be a Monday. */
    public static PeriodCounts of(Granularity granularity, SortedMap<LocalDate, Long> counts) {
        long[] periods = new long[counts.size()];
        long[] articles = new long[counts.size()];
        int i = 0;
        for (Map.Entry<LocalDate, Long> period : counts.entrySet()) {
            periods[i] = index(granularity, period.getKey());
            articles[i++] = period.getValue();
        }
        return new PeriodCounts(granularity, periods, articles);
    }

    /** These days' articles summed per week; this must hold days. */
    PeriodCounts weeks() {
        if (granularity != Granularity.DAY) {
            throw new IllegalStateException("weeks are summed from days, not from " + granularity.code());
        }
        long[] weeks = new long[periods.length];
        for (int i = 0; i < periods.length; i++) {
            weeks[i] = Math.floorDiv(periods[i] - MONDAY_OFFSET, 7);
        }
        return summed(Granularity.WEEK, weeks, articles);
    }

    public Granularity granularity() {
        return granularity;
    }

    public int size() {
        return periods.length;
    }

    public boolean isEmpty() {
        return periods.length == 0;
    }

    /** The {@code i}-th period's position on the line of periods. */
    public long period(int i) {
        return periods[i];
    }

    public long articles(int i) {
        return articles[i];
    }

    public long total() {
        long total = 0;
        for (long n : articles) {
            total += n;
        }
        return total;
    }

    /** The first day of the {@code i}-th period. */
    public LocalDate start(int i) {
        return start(granularity, periods[i]);
    }

    /** Position on the line of periods of {@code granularity} of the period starting on {@code start}. */
    public static long index(Granularity granularity, LocalDate start) {
        long day = start.toEpochDay();
        if (granularity == Granularity.DAY) {
            return day;
        }
        if (granularity != Granularity.WEEK) {
            throw new IllegalArgumentException("periods are days or weeks, not " + granularity.code());
        }
        if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a week starts on a Monday, not on " + start);
        }
        return Math.floorDiv(day, 7);
    }

    /** The first day of the period at {@code index} on the line of periods of {@code granularity}. */
    public static LocalDate start(Granularity granularity, long index) {
        return LocalDate.ofEpochDay(granularity == Granularity.DAY ? index : index * 7 + MONDAY_OFFSET);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeriodCounts that && granularity == that.granularity
                && Arrays.equals(periods, that.periods) && Arrays.equals(articles, that.articles);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * granularity.hashCode() + Arrays.hashCode(periods)) + Arrays.hashCode(articles);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(granularity.code()).append(" {");
        for (int i = 0; i < periods.length; i++) {
            text.append(i == 0 ? "" : ", ").append(start(i)).append('=').append(articles[i]);
        }
        return text.append('}').toString();
    }
}
