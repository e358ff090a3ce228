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
 * <p>A series is the key's articles per period of one granularity ({@link PeriodCounts}), periods without
 * articles left out.
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
    List<TrendScorer.Score> trends(PeriodCounts counts, long minPeriodDocs) {
        if (totals.isEmpty() || counts.isEmpty()) {
            return List.of();
        }
        Granularity granularity = counts.granularity();
        int window = granularity == Granularity.DAY ? options.dayWindow() : options.weekWindow();
        long seen = 0;
        for (int supported = 0; supported < counts.size(); supported++) {
            seen += counts.articles(supported);
            if (seen >= options.minSupport()) {
                return new TrendScorer(granularity, window, options.sdFloor())
                        .score(totals.firstPeriod(granularity), counts, supported, minPeriodDocs);
            }
        }
        return List.of();
    }

    /** Bursts of the key's share of the articles, over every period of the corpus. */
    List<DatedBurst> bursts(PeriodCounts counts) {
        if (totals.isEmpty() || counts.isEmpty() || counts.total() < options.minSupport()) {
            return List.of();
        }
        Granularity granularity = counts.granularity();
        CorpusPeriods corpus = corpusPeriods.computeIfAbsent(granularity, g -> new CorpusPeriods(g, totals.per(g)));
        // A key is seen within the corpus's periods; a line reaching past them is laid out for that key alone.
        long first = Math.min(corpus.first(), counts.period(0));
        long last = Math.max(corpus.last(), counts.period(counts.size() - 1));
        BurstDetector.Corpus line = first == corpus.first() && last == corpus.last() ? corpus.line()
                : corpus.widenedTo(first, last);
        int[] seenAt = new int[counts.size()];
        long[] seen = new long[counts.size()];
        for (int k = 0; k < counts.size(); k++) {
            seenAt[k] = Math.toIntExact(counts.period(k) - first);
            seen[k] = counts.articles(k);
        }
        List<DatedBurst> bursts = new ArrayList<>();
        for (BurstDetector.Burst burst : detector.detect(line, seenAt, seen)) {
            bursts.add(new DatedBurst(PeriodCounts.start(granularity, first + burst.start()),
                    PeriodCounts.start(granularity, first + burst.end()), burst.level(),
                    PeriodCounts.start(granularity, first + burst.peak()), burst.nDocs()));
        }
        return bursts;
    }

    /** The corpus's articles per period of one granularity, periods {@code first} … {@code last} by index. */
    private record CorpusPeriods(long first, long last, BurstDetector.Corpus line) {
        CorpusPeriods(Granularity granularity, SortedMap<LocalDate, Long> perPeriod) {
            this(PeriodCounts.index(granularity, perPeriod.firstKey()),
                    PeriodCounts.index(granularity, perPeriod.lastKey()),
                    BurstDetector.Corpus.of(articlesFrom(granularity, perPeriod)));
        }

        private static long[] articlesFrom(Granularity granularity, SortedMap<LocalDate, Long> perPeriod) {
            long first = PeriodCounts.index(granularity, perPeriod.firstKey());
            long last = PeriodCounts.index(granularity, perPeriod.lastKey());
            long[] articles = new long[Math.toIntExact(last - first + 1)];
            perPeriod.forEach((period, n) ->
                    articles[Math.toIntExact(PeriodCounts.index(granularity, period) - first)] = n);
            return articles;
        }

        /** The line from period {@code from} to {@code to}, no articles outside the corpus's periods. */
        BurstDetector.Corpus widenedTo(long from, long to) {
            long[] articles = new long[Math.toIntExact(to - from + 1)];
            System.arraycopy(line.totals(), 0, articles, Math.toIntExact(first - from), line.totals().length);
            return BurstDetector.Corpus.of(articles);
        }
    }
}
