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

    /** 1970-01-05, the first Monday after the epoch, is day 4: week i starts on day 7i + 4. */
    private static final int MONDAY_OFFSET = 4;

    /** A burst with its periods as dates. */
    record DatedBurst(LocalDate start, LocalDate end, int level, LocalDate peakPeriod, long nDocs) {}

    private final TrendsStage.Options options;
    private final ArticleTotals totals;
    /** The corpus's articles per period, laid out once for all the keys of a partition. */
    private final Map<Granularity, CorpusPeriods> corpusPeriods = new EnumMap<>(Granularity.class);
    private final BurstDetector detector;

    KeyTrends(TrendsStage.Options options, ArticleTotals totals) {
        this.options = options;
        this.totals = totals;
        this.detector = new BurstDetector(options.burstScale(), options.burstGamma(), options.burstLevels(),
                options.burstFalseRate());
    }

    /**
     * Scores of the periods the key was seen in, at least {@code minPeriodDocs} times, once it has the
     * support. Every period of the series makes the baselines, published or not.
     */
    List<TrendScorer.Score> trends(Granularity granularity, SortedMap<LocalDate, Long> counts, long minPeriodDocs) {
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
        return new TrendScorer(granularity, window, options.sdFloor())
                .score(totals.firstPeriod(granularity), counts, supported, minPeriodDocs);
    }

    /** Bursts of the key's share of the articles, over every period of the corpus. */
    List<DatedBurst> bursts(Granularity granularity, SortedMap<LocalDate, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (totals.isEmpty() || total < options.minSupport()) {
            return List.of();
        }
        CorpusPeriods corpus = corpusPeriods.computeIfAbsent(granularity, g -> new CorpusPeriods(g, totals.per(g)));
        // A key is seen within the corpus's periods; a line reaching past them is laid out for that key alone.
        long first = Math.min(corpus.first(), index(granularity, counts.firstKey()));
        long last = Math.max(corpus.last(), index(granularity, counts.lastKey()));
        BurstDetector.Corpus line = first == corpus.first() && last == corpus.last() ? corpus.line()
                : corpus.widenedTo(first, last);
        int[] seenAt = new int[counts.size()];
        long[] seen = new long[counts.size()];
        int k = 0;
        for (Map.Entry<LocalDate, Long> period : counts.entrySet()) {
            seenAt[k] = Math.toIntExact(index(granularity, period.getKey()) - first);
            seen[k++] = period.getValue();
        }
        List<DatedBurst> bursts = new ArrayList<>();
        for (BurstDetector.Burst burst : detector.detect(line, seenAt, seen)) {
            bursts.add(new DatedBurst(start(granularity, first + burst.start()), start(granularity, first + burst.end()),
                    burst.level(), start(granularity, first + burst.peak()), burst.nDocs()));
        }
        return bursts;
    }

    /** The corpus's articles per period of one granularity, periods {@code first} … {@code last} by index. */
    private record CorpusPeriods(long first, long last, BurstDetector.Corpus line) {
        CorpusPeriods(Granularity granularity, SortedMap<LocalDate, Long> perPeriod) {
            this(index(granularity, perPeriod.firstKey()), index(granularity, perPeriod.lastKey()),
                    BurstDetector.Corpus.of(articlesFrom(granularity, perPeriod)));
        }

        private static long[] articlesFrom(Granularity granularity, SortedMap<LocalDate, Long> perPeriod) {
            long first = index(granularity, perPeriod.firstKey());
            long[] articles = new long[Math.toIntExact(index(granularity, perPeriod.lastKey()) - first + 1)];
            perPeriod.forEach((period, n) -> articles[Math.toIntExact(index(granularity, period) - first)] = n);
            return articles;
        }

        /** The line from period {@code from} to {@code to}, no articles outside the corpus's periods. */
        BurstDetector.Corpus widenedTo(long from, long to) {
            long[] articles = new long[Math.toIntExact(to - from + 1)];
            System.arraycopy(line.totals(), 0, articles, Math.toIntExact(first - from), line.totals().length);
            return BurstDetector.Corpus.of(articles);
        }
    }

    /** Position of a period on a line of consecutive periods: its epoch day, or for a week (a Monday) day ÷ 7. */
    private static long index(Granularity granularity, LocalDate periodStart) {
        long day = periodStart.toEpochDay();
        return granularity == Granularity.DAY ? day : Math.floorDiv(day, 7);
    }

    private static LocalDate start(Granularity granularity, long index) {
        return LocalDate.ofEpochDay(granularity == Granularity.DAY ? index : index * 7 + MONDAY_OFFSET);
    }
}
