package newslens.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import newslens.table.Granularity;

/**
 * The trend scores and bursts of one key's series of one granularity: what {@link TrendsStage} computes
 * per key on the executors, in plain Java.
 *
 * <p>A series is the key's articles per period of one granularity, keyed by the period's first day
 * (a Monday for weeks), periods without articles left out.
 *
 * <p>Support: a key is scored from the first period by which it has been seen in {@code minSupport}
 * articles in all (that period included), so a name met twice never makes the tables and the rule looks
 * only backwards; a key has bursts when its whole series holds {@code minSupport} articles.
 */
final class KeyTrends {

    /** A burst with its periods as dates. */
    record DatedBurst(LocalDate start, LocalDate end, int level, LocalDate peakPeriod, long nDocs) {}

    private final TrendsStage.Options options;
    private final ArticleTotals totals;
    /** The totals per granularity, summed once for all the keys of a partition. */
    private final Map<Granularity, SortedMap<LocalDate, Long>> articlesPer = new EnumMap<>(Granularity.class);

    KeyTrends(TrendsStage.Options options, ArticleTotals totals) {
        this.options = options;
        this.totals = totals;
    }

    /** Scores of the periods the key was seen in, once it has the support. */
    List<TrendScorer.Score> trends(Granularity granularity, SortedMap<LocalDate, Long> counts) {
        if (totals.isEmpty() || counts.isEmpty()) {
            return List.of();
        }
        int window = granularity == Granularity.DAY ? options.dayWindow() : options.weekWindow();
        LocalDate supported = null;
        long seen = 0;
        for (Map.Entry<LocalDate, Long> period : counts.entrySet()) {
            seen += period.getValue();
            if (seen >= options.minSupport()) {
                supported = period.getKey();
                break;
            }
        }
        if (supported == null) {
            return List.of();
        }
        List<TrendScorer.Score> scores = new ArrayList<>();
        LocalDate from = supported;
        for (TrendScorer.Score score : new TrendScorer(granularity, window, options.sdFloor())
                .score(totals.firstPeriod(granularity), counts)) {
            if (!score.periodStart().isBefore(from)) {
                scores.add(score);
            }
        }
        return scores;
    }

    /** Bursts of the key's share of the articles, over every period of the corpus. */
    List<DatedBurst> bursts(Granularity granularity, SortedMap<LocalDate, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (totals.isEmpty() || total < options.minSupport()) {
            return List.of();
        }
        LocalDate first = min(totals.firstPeriod(granularity), counts.firstKey());
        LocalDate last = max(totals.lastPeriod(granularity), counts.lastKey());
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate p = first; !p.isAfter(last); p = next(granularity, p)) {
            periods.add(p);
        }
        SortedMap<LocalDate, Long> articles = articlesPer.computeIfAbsent(granularity, totals::per);
        long[] relevant = new long[periods.size()];
        long[] all = new long[periods.size()];
        for (int t = 0; t < periods.size(); t++) {
            relevant[t] = counts.getOrDefault(periods.get(t), 0L);
            all[t] = articles.getOrDefault(periods.get(t), 0L);
        }
        List<DatedBurst> bursts = new ArrayList<>();
        for (BurstDetector.Burst burst : new BurstDetector(options.burstScale(), options.burstGamma(),
                options.burstLevels(), options.burstFalseRate()).detect(relevant, all)) {
            bursts.add(new DatedBurst(periods.get(burst.start()), periods.get(burst.end()), burst.level(),
                    periods.get(burst.peak()), burst.nDocs()));
        }
        return bursts;
    }

    private static LocalDate next(Granularity granularity, LocalDate period) {
        return granularity == Granularity.DAY ? period.plusDays(1) : period.plusWeeks(1);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
