package newslens.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newslens.table.Granularity;

/**
 * One chart's series at one granularity: every period from the first to the last kept (gaps
 * filled with 0, so the time axis is even), and one value per period for each key (an entity id
 * or a topic id). At most {@code maxPeriods} periods are kept, the most recent ones.
 *
 * @param truncated whether earlier periods were dropped to respect the cap
 */
public record Timeline(String granularity, List<String> periods, Map<String, List<Double>> values,
        boolean truncated) {

    /** A value of one key in one period, as read from a {@code *_frequency} table. */
    public record PeriodValue(String key, LocalDate period, double value) {}

    /**
     * The first period to keep when the last one is {@code last} and at most {@code maxPeriods} are
     * kept. Lets the Spark side filter before collecting.
     */
    public static LocalDate windowStart(Granularity granularity, LocalDate last, int maxPeriods) {
        return step(granularity, granularity.periodStart(last), -(maxPeriods - 1));
    }

    /**
     * Builds the series of {@code keys} (in that order; a key without values gets zeros) from
     * {@code values}; values of other keys and undated values are ignored.
     */
    public static Timeline of(Granularity granularity, List<String> keys, List<PeriodValue> values, int maxPeriods) {
        if (granularity == Granularity.ALL) {
            throw new IllegalArgumentException("a timeline needs a time granularity, not all");
        }
        List<PeriodValue> dated = values.stream()
                .filter(v -> v.period() != null && keys.contains(v.key()))
                .toList();
        if (dated.isEmpty()) {
            Map<String, List<Double>> empty = new LinkedHashMap<>();
            keys.forEach(key -> empty.put(key, List.of()));
            return new Timeline(granularity.code(), List.of(), empty, false);
        }
        LocalDate first = dated.stream().map(v -> granularity.periodStart(v.period())).min(LocalDate::compareTo).get();
        LocalDate last = dated.stream().map(v -> granularity.periodStart(v.period())).max(LocalDate::compareTo).get();
        LocalDate windowStart = windowStart(granularity, last, maxPeriods);
        boolean truncated = first.isBefore(windowStart);
        LocalDate start = truncated ? windowStart : first;

        List<String> periods = new ArrayList<>();
        Map<LocalDate, Integer> index = new HashMap<>();
        for (LocalDate period = start; !period.isAfter(last); period = step(granularity, period, 1)) {
            index.put(period, periods.size());
            periods.add(period.toString());
        }
        Map<String, Double[]> dense = new LinkedHashMap<>();
        for (String key : keys) {
            Double[] zeros = new Double[periods.size()];
            Arrays.fill(zeros, 0.0);
            dense.put(key, zeros);
        }
        for (PeriodValue value : dated) {
            Integer at = index.get(granularity.periodStart(value.period()));
            if (at != null) {
                dense.get(value.key())[at] += value.value();
            }
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        dense.forEach((key, row) -> series.put(key, List.of(row)));
        return new Timeline(granularity.code(), Collections.unmodifiableList(periods),
                Collections.unmodifiableMap(series), truncated);
    }

    private static LocalDate step(Granularity granularity, LocalDate period, int steps) {
        return switch (granularity) {
            case DAY -> period.plusDays(steps);
            case WEEK -> period.plusWeeks(steps);
            case MONTH -> period.plusMonths(steps);
            case ALL -> throw new IllegalArgumentException("granularity all has no periods");
        };
    }
}
