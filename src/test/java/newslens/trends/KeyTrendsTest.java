package newslens.trends;

import newslens.app.JobConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import newslens.table.Granularity;
import org.junit.jupiter.api.Test;

class KeyTrendsTest {
    private static final TrendsStage.Options DEFAULTS = JobConfig.load(null).trends();


    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    private static ArticleTotals totals(int days, long perDay) {
        SortedMap<LocalDate, Long> perDayTotals = new TreeMap<>();
        for (int d = 0; d < days; d++) {
            perDayTotals.put(FIRST.plusDays(d), perDay);
        }
        return new ArticleTotals(perDayTotals);
    }

    @Test
    void aKeyIsScoredFromThePeriodItReachesTheSupport() {
        KeyTrends keyTrends = new KeyTrends(DEFAULTS, totals(60, 100));
        SortedMap<LocalDate, Long> counts = new TreeMap<>();
        counts.put(FIRST.plusDays(20), 2L);
        counts.put(FIRST.plusDays(30), 2L);
        counts.put(FIRST.plusDays(40), 1L);   // the fifth article
        counts.put(FIRST.plusDays(50), 3L);
        List<TrendScorer.Score> scores = keyTrends.trends(PeriodCounts.of(Granularity.DAY, counts), 1);
        assertEquals(List.of(FIRST.plusDays(40), FIRST.plusDays(50)),
                scores.stream().map(TrendScorer.Score::periodStart).toList());
        List<TrendScorer.Score> twoOrMore = keyTrends.trends(PeriodCounts.of(Granularity.DAY, counts), 2);
        assertEquals(List.of(scores.get(1)), twoOrMore, "day 40 has one article; day 50 keeps its score");
        assertTrue(keyTrends.bursts(PeriodCounts.of(Granularity.DAY, counts.headMap(FIRST.plusDays(40)))).isEmpty(),
                "four articles: below the support");
    }

    @Test
    void burstsAreDatedInPeriodsOfTheirGranularity() {
        KeyTrends keyTrends = new KeyTrends(DEFAULTS, totals(70, 100));
        SortedMap<LocalDate, Long> counts = new TreeMap<>();
        for (int d = 0; d < 70; d++) {
            counts.put(FIRST.plusDays(d), d >= 43 && d <= 46 ? 30L : 1L);
        }
        List<KeyTrends.DatedBurst> days = keyTrends.bursts(PeriodCounts.of(Granularity.DAY, counts));
        KeyTrends.DatedBurst day = days.get(0);
        assertEquals(new KeyTrends.DatedBurst(FIRST.plusDays(43), FIRST.plusDays(46), 1, FIRST.plusDays(43), 120),
                day);
        SortedMap<LocalDate, Long> weekly = new TreeMap<>();
        counts.forEach((date, n) -> weekly.merge(Granularity.WEEK.periodStart(date), n, Long::sum));
        KeyTrends.DatedBurst week = keyTrends.bursts(PeriodCounts.of(Granularity.WEEK, weekly)).get(0);
        assertEquals(FIRST.plusWeeks(6), week.start(), "the week of 2024-02-13 to 02-16: " + week);
        assertEquals(FIRST.plusWeeks(6), week.peakPeriod());
    }
}
