package newslens.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newslens.dashboard.DashboardData.BurstSpan;
import newslens.dashboard.DashboardData.RisingItem;
import newslens.dashboard.DashboardData.RisingPeriod;
import newslens.table.Granularity;

/**
 * The "Rising now" panel's data, built in plain Java from rows the writer collected: for the latest
 * day and the latest week of {@code trends}, the top keys of each kind with their names, their recent
 * counts (every period of the sparkline window, gaps as 0) and their latest burst when it is open or
 * recent (it ends inside the sparkline window).
 */
final class RisingNow {
    static final String ENTITY = "entity";
    static final String PAIR = "pair";
    static final String TOPIC = "topic";
    /** Separates the two entity ids of a pair key in {@code trends} and {@code bursts}. */
    static final String PAIR_SEPARATOR = "|";
    /** Granularities of {@code trends}, in the order the panel shows them. */
    static final List<Granularity> GRANULARITIES = List.of(Granularity.DAY, Granularity.WEEK);

    /** A top row of {@code trends} in a latest period. */
    record TrendRow(String granularity, LocalDate period, String kind, String key, long nDocs, double score,
            int rank) {}

    /** A row of {@code bursts}. */
    record BurstRow(String kind, String key, String granularity, LocalDate start, LocalDate end, int level) {}

    /** A key's articles in one period, from the frequency table of its kind. */
    record Count(String kind, String key, String granularity, LocalDate period, long nDocs) {}

    private RisingNow() {}

    /** Periods drawn in a sparkline: four weeks of days, a quarter of weeks. */
    static int sparkPeriods(Granularity granularity) {
        return switch (granularity) {
            case DAY -> 28;
            case WEEK -> 12;
            default -> throw new IllegalArgumentException("trends have days and weeks, not " + granularity.code());
        };
    }

    /** The first period of the sparkline ending at {@code latest}. */
    static LocalDate sparkStart(Granularity granularity, LocalDate latest) {
        return Timeline.windowStart(granularity, latest, sparkPeriods(granularity));
    }

    /** The two entity ids of a pair key; a key without the separator is taken as one id. */
    static List<String> entityIds(String kind, String key) {
        return switch (kind) {
            case ENTITY -> List.of(key);
            case PAIR -> {
                int at = key.indexOf(PAIR_SEPARATOR);
                yield at < 0 ? List.of(key) : List.of(key.substring(0, at), key.substring(at + 1));
            }
            default -> List.of();
        };
    }

    /** Every entity id the rows name (entities and both sides of pairs), first seen first. */
    static List<String> entityIds(List<TrendRow> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.addAll(entityIds(r.kind(), r.key())));
        return List.copyOf(ids);
    }

    /**
     * One panel section per granularity that has a latest period in {@code latest}, its items by kind
     * (entity, pair, topic) and rank. Names missing from {@code entityNames} or {@code topicLabels} fall
     * back to the id.
     */
    static List<RisingPeriod> build(Map<Granularity, LocalDate> latest, List<TrendRow> top, List<BurstRow> bursts,
            List<Count> counts, Map<String, String> entityNames, Map<String, String> topicLabels) {
        Map<String, long[]> series = new HashMap<>();
        List<RisingPeriod> periods = new ArrayList<>();
        for (Granularity granularity : GRANULARITIES) {
            LocalDate last = latest.get(granularity);
            if (last == null) {
                continue;
            }
            LocalDate start = sparkStart(granularity, last);
            List<String> sparkDates = new ArrayList<>();
            for (LocalDate p = start; !p.isAfter(last); p = next(granularity, p)) {
                sparkDates.add(p.toString());
            }
            for (Count count : counts) {
                if (!count.granularity().equals(granularity.code()) || count.period() == null
                        || count.period().isBefore(start) || count.period().isAfter(last)) {
                    continue;
                }
                int at = sparkDates.indexOf(count.period().toString());
                if (at >= 0) {
                    series.computeIfAbsent(seriesKey(granularity, count.kind(), count.key()),
                            k -> new long[sparkDates.size()])[at] += count.nDocs();
                }
            }
            List<RisingItem> items = top.stream()
                    .filter(r -> r.granularity().equals(granularity.code()) && last.equals(r.period()))
                    .sorted(Comparator.comparingInt((TrendRow r) -> kindOrder(r.kind())).thenComparingInt(TrendRow::rank))
                    .map(r -> {
                        long[] values = series.getOrDefault(seriesKey(granularity, r.kind(), r.key()),
                                new long[sparkDates.size()]);
                        List<Long> recent = new ArrayList<>(values.length);
                        for (long v : values) {
                            recent.add(v);
                        }
                        return new RisingItem(r.kind(), r.key(), entityIds(r.kind(), r.key()),
                                names(r, entityNames, topicLabels), r.score(), r.nDocs(), r.rank(), recent,
                                latestBurst(bursts, granularity, r, start, last).orElse(null));
                    })
                    .toList();
            periods.add(new RisingPeriod(granularity.code(), last.toString(), sparkDates, items));
        }
        return periods;
    }

    private static List<String> names(TrendRow row, Map<String, String> entityNames, Map<String, String> topicLabels) {
        if (TOPIC.equals(row.kind())) {
            return List.of(topicLabels.getOrDefault(row.key(), "topic " + row.key()));
        }
        return entityIds(row.kind(), row.key()).stream().map(id -> entityNames.getOrDefault(id, id)).toList();
    }

    /**
     * The key's burst that ends last, if it ends inside the sparkline window; of nested levels the
     * lowest, the widest interval. Open when it reaches the latest period.
     */
    private static Optional<BurstSpan> latestBurst(List<BurstRow> bursts, Granularity granularity, TrendRow row,
            LocalDate windowStart, LocalDate last) {
        return bursts.stream()
                .filter(b -> b.granularity().equals(granularity.code()) && b.kind().equals(row.kind())
                        && b.key().equals(row.key()) && !b.end().isBefore(windowStart))
                .max(Comparator.comparing(BurstRow::end).thenComparing(BurstRow::level, Comparator.reverseOrder()))
                .map(b -> new BurstSpan(b.start().toString(), b.end().toString(), b.level(), !b.end().isBefore(last)));
    }

    private static String seriesKey(Granularity granularity, String kind, String key) {
        return granularity.code() + "\n" + kind + "\n" + key;
    }

    private static int kindOrder(String kind) {
        return switch (kind) {
            case ENTITY -> 0;
            case PAIR -> 1;
            case TOPIC -> 2;
            default -> 3;
        };
    }

    private static LocalDate next(Granularity granularity, LocalDate period) {
        return granularity == Granularity.DAY ? period.plusDays(1) : period.plusWeeks(1);
    }
}
