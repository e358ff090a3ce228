package newslens.trends;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import newslens.table.Granularity;

/**
 * How many articles were counted in each day of the corpus (one per duplicate group, dated ones only):
 * where the corpus starts, which bounds every baseline, and the denominator of a key's share in the
 * burst automaton. Small (one number a day), so it travels to the executors with the task.
 */
public record ArticleTotals(SortedMap<LocalDate, Long> perDay) implements Serializable {

    public ArticleTotals {
        perDay = new TreeMap<>(perDay);
    }

    public boolean isEmpty() {
        return perDay.isEmpty();
    }

    /** Start of the corpus's first period of {@code granularity}. */
    public LocalDate firstPeriod(Granularity granularity) {
        return granularity.periodStart(perDay.firstKey());
    }

    /** Start of the corpus's last period of {@code granularity}. */
    public LocalDate lastPeriod(Granularity granularity) {
        return granularity.periodStart(perDay.lastKey());
    }

    /** Articles per period of {@code granularity}: the days' totals summed. */
    public SortedMap<LocalDate, Long> per(Granularity granularity) {
        SortedMap<LocalDate, Long> totals = new TreeMap<>();
        for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
            totals.merge(granularity.periodStart(day.getKey()), day.getValue(), Long::sum);
        }
        return totals;
    }
}
