package newslens.dates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The years an article states, used to give a year to a date written without one ({@code Ngày 10/5}).
 *
 * <p>News reports recent events, so an article is dated in the latest year it states, with two corrections:
 * a year that would put the date more than a year after every date the article writes in full is a target
 * or a forecast, not the present ({@code đến năm 2030}: years after a future cue do not count at all); and
 * a date that would fall half a year before a full date of the same year belongs to the next year (an
 * article of {@code 5/1} looking back at {@code 28/12/2016} is from 2017). Without any stated year there is
 * no answer: the clock is never used.
 */
final class YearContext {

    /** A date this far after all the article's full dates is in its future, not its present. */
    private static final int FUTURE_LIMIT_DAYS = 366;
    /** A date this far before a full date of its year is taken to be in the following year. */
    private static final int ROLLOVER_DAYS = 183;

    /** A date or month the article writes with its year; months stand for their middle day. */
    private record Anchor(LocalDate date, boolean futureCued) { }

    private final List<Anchor> anchors;
    private final TreeSet<Integer> years;

    private YearContext(List<Anchor> anchors, TreeSet<Integer> years) {
        this.anchors = anchors;
        this.years = years;
    }

    /**
     * @param futureCued which mentions follow a cue such as "đến" / "sẽ": their years are not the present
     */
    static YearContext of(List<TemporalMention> mentions, Predicate<TemporalMention> futureCued) {
        List<Anchor> anchors = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (TemporalMention m : mentions) {
            if (m.year() == null || m.year() < UrlDate.MIN_YEAR || m.year() > UrlDate.MAX_YEAR) continue;
            boolean cued = futureCued.test(m);
            if (!cued) years.add(m.year());
            if (m.month() == null) continue;
            LocalDate date = m.day() != null ? LocalDate.of(m.year(), m.month(), m.day())
                    : LocalDate.of(m.year(), TemporalMention.QUARTER.equals(m.granularity()) ? m.month() + 1 : m.month(), 15);
            anchors.add(new Anchor(date, cued));
        }
        return new YearContext(List.copyOf(anchors), years);
    }

    boolean isEmpty() {
        return years.isEmpty();
    }

    /**
     * The year to give {@code day/month}, or null when the article states no year that fits.
     *
     * @param weekday the weekday written with the date ({@code Thứ 4 (18/5)}), or null; it rules out years
     */
    Integer yearFor(int month, int day, DayOfWeek weekday) {
        LocalDate latestAnchor = anchors.stream().map(Anchor::date).max(LocalDate::compareTo).orElse(null);
        for (int year : years.descendingSet()) {
            LocalDate date = dateIn(year, month, day, weekday);
            if (date == null) continue;
            if (latestAnchor != null && date.isAfter(latestAnchor.plusDays(FUTURE_LIMIT_DAYS))) continue;
            LocalDate next = dateIn(year + 1, month, day, weekday);
            boolean rollsOver = next != null && anchors.stream().anyMatch(a -> !a.futureCued()
                    && a.date().getYear() == year && date.isBefore(a.date().minusDays(ROLLOVER_DAYS)));
            return rollsOver ? year + 1 : year;
        }
        return null;
    }

    private static LocalDate dateIn(int year, int month, int day, DayOfWeek weekday) {
        if (!NumberShape.validDay(day, month, year)) return null;
        LocalDate date = LocalDate.of(year, month, day);
        return weekday == null || date.getDayOfWeek() == weekday ? date : null;
    }
}
