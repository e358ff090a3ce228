package newslens.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import newslens.table.Granularity;

/**
 * How far one key's count in a period (a day or an ISO week) stands above what its trailing baseline
 * predicts: a z-score with a Poisson floor on the spread, so that small counts cannot make big scores.
 *
 * <p>For period t the baseline is the {@code window} periods before it (t itself excluded); a period the
 * key was not seen in counts 0, a period before the corpus started is unknown and left out. With
 * {@code mean} and {@code sd} of the baseline (population sd),
 * <pre>
 *   expected = mean · f(t),   spread = max(sd · f(t), √expected, sdFloor),   score = (n − expected) / spread
 * </pre>
 * The √expected term is the sd of a Poisson count of that mean: a key seen 0, 1, 0, 2 times cannot
 * claim a tiny sd from four small numbers. {@code sdFloor} (default 1) keeps a key with an all-zero
 * baseline from scoring infinity: seen 3 times after nothing, it scores 3.
 *
 * <p>Days of the week: f(t) is 1 for weeks. For days, news has a weekly rhythm (quiet weekends, and a
 * key's own rhythm on top, a stock exchange on weekdays), so each baseline day's count is divided by the
 * factor of its weekday before mean and sd are taken, and the expectation multiplied back by t's factor.
 * The factor of weekday w is estimated from the same baseline window with a prior of
 * {@value #WEEKDAY_PRIOR_ARTICLES} articles spread evenly: f(w) = (S_w + a) / (n_w · m + a), with S_w the
 * key's articles on w-days of the window, n_w the number of w-days, m the key's mean per day and a the
 * prior. A rare key's factors stay near 1 (a few articles say nothing about weekdays); a frequent key's
 * approach its observed weekday ratios.
 *
 * <p>No look-ahead: a score depends only on its period and the ones before it, so appending later
 * periods never changes it. A period is scored only when at least half its window lies inside the
 * corpus ({@code firstPeriod} on), so the first days of a corpus do not all look like news.
 */
public final class TrendScorer {

    /** The weekday prior, in articles: what a key must have in a window before its weekday rhythm shows. */
    static final double WEEKDAY_PRIOR_ARTICLES = 10.0;

    /** One scored period of a key. */
    public record Score(LocalDate periodStart, long nDocs, double baselineMean, double baselineSd, double score) {}

    private final Granularity granularity;
    private final int window;
    private final double sdFloor;

    public TrendScorer(Granularity granularity, int window, double sdFloor) {
        if (granularity != Granularity.DAY && granularity != Granularity.WEEK) {
            throw new IllegalArgumentException("trends are scored per day or week, not " + granularity.code());
        }
        if (window < 2) {
            throw new IllegalArgumentException("the baseline window must be at least 2 periods, got " + window);
        }
        if (!(sdFloor > 0)) {
            throw new IllegalArgumentException("the sd floor must be positive, got " + sdFloor);
        }
        this.granularity = granularity;
        this.window = window;
        this.sdFloor = sdFloor;
    }

    /**
     * Scores every period of {@code counts} (period start → the key's articles, only periods it was seen
     * in) that has enough history since {@code firstPeriod}, the start of the corpus's first period.
     */
    public List<Score> score(LocalDate firstPeriod, SortedMap<LocalDate, Long> counts) {
        return score(firstPeriod, PeriodCounts.of(granularity, counts), 0, 1);
    }

    /**
     * Scores of the periods of {@code counts} from its {@code firstScored}-th on that hold at least
     * {@code minDocs} articles; the others still make the baselines.
     */
    public List<Score> score(LocalDate firstPeriod, PeriodCounts counts, int firstScored, long minDocs) {
        if (counts.granularity() != granularity) {
            throw new IllegalArgumentException("a scorer of " + granularity.code() + " periods was given "
                    + counts.granularity().code() + " counts");
        }
        List<Score> scores = new ArrayList<>();
        boolean anyScored = false;
        for (int i = firstScored; i < counts.size() && !anyScored; i++) {
            anyScored = counts.articles(i) >= minDocs;
        }
        if (!anyScored) {
            return scores;   // most pairs: seen once a day at most
        }
        long first = PeriodCounts.index(granularity, firstPeriod);
        long last = counts.period(counts.size() - 1);
        long origin = Math.min(first, counts.period(0));
        long[] series = new long[Math.toIntExact(last - origin + 1)];
        for (int i = 0; i < counts.size(); i++) {
            series[Math.toIntExact(counts.period(i) - origin)] = counts.articles(i);
        }
        int corpusStart = Math.toIntExact(first - origin);
        for (int i = firstScored; i < counts.size(); i++) {
            if (counts.articles(i) < minDocs) {
                continue;
            }
            int t = Math.toIntExact(counts.period(i) - origin);
            int windowStart = Math.max(t - window, corpusStart);
            if (t - windowStart < (window + 1) / 2) {
                continue;
            }
            scores.add(scoreAt(series, windowStart, t, counts.start(i)));
        }
        return scores;
    }

    private Score scoreAt(long[] series, int from, int t, LocalDate periodStart) {
        int n = t - from;
        double[] factor = weekdayFactors(series, from, t, periodStart);
        double sum = 0;
        double sumSquares = 0;
        for (int i = from; i < t; i++) {
            double x = series[i] / factor[weekdaySlot(i, t)];
            sum += x;
            sumSquares += x * x;
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
        double f = factor[weekdaySlot(t, t)];
        double expected = mean * f;
        double spread = Math.max(Math.max(sd * f, Math.sqrt(expected)), sdFloor);
        return new Score(periodStart, series[t], expected, spread, (series[t] - expected) / spread);
    }

    /** Factor per weekday slot ({@link #weekdaySlot}); all 1 for weeks. */
    private double[] weekdayFactors(long[] series, int from, int t, LocalDate periodStart) {
        double[] factor = {1, 1, 1, 1, 1, 1, 1};
        if (granularity != Granularity.DAY) {
            return factor;
        }
        long total = 0;
        long[] byWeekday = new long[7];
        int[] days = new int[7];
        for (int i = from; i < t; i++) {
            total += series[i];
            byWeekday[weekdaySlot(i, t)] += series[i];
            days[weekdaySlot(i, t)]++;
        }
        double perDay = (double) total / (t - from);
        for (int w = 0; w < 7; w++) {
            if (perDay > 0) {
                factor[w] = (byWeekday[w] + WEEKDAY_PRIOR_ARTICLES) / (days[w] * perDay + WEEKDAY_PRIOR_ARTICLES);
            }
        }
        return factor;
    }

    /** Days before {@code t} modulo 7: slot 0 is t's own weekday (for weeks, every slot's factor is 1). */
    private static int weekdaySlot(int i, int t) {
        return Math.floorMod(t - i, 7);
    }
}
