package newslens.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import newslens.table.Granularity;
import org.junit.jupiter.api.Test;

class TrendScorerTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);   // a Monday
    private final TrendScorer days = new TrendScorer(Granularity.DAY, 28, 1.0);

    @Test
    void appendingLaterPeriodsNeverChangesEarlierScores() {
        SplittableRandom rng = new SplittableRandom(5);
        SortedMap<LocalDate, Long> series = new TreeMap<>();
        for (int d = 0; d < 120; d++) {
            long n = Poisson.draw(rng, d > 90 ? 12 : 3);
            if (n > 0) {
                series.put(START.plusDays(d), n);
            }
        }
        List<TrendScorer.Score> full = days.score(START, series);
        List<TrendScorer.Score> prefix = days.score(START, series.headMap(START.plusDays(70)));
        assertTrue(prefix.size() > 30);
        assertEquals(prefix, full.subList(0, prefix.size()));
    }

    @Test
    void aSurgeScoresHighAndTheQuietBackgroundDoesNot() {
        SplittableRandom rng = new SplittableRandom(11);
        SortedMap<LocalDate, Long> series = new TreeMap<>();
        for (int d = 0; d < 100; d++) {
            long n = d == 80 ? 30 : Poisson.draw(rng, 4);
            if (n > 0) {
                series.put(START.plusDays(d), n);
            }
        }
        for (TrendScorer.Score score : days.score(START, series)) {
            if (score.periodStart().equals(START.plusDays(80))) {
                assertTrue(score.score() > 6, "surge scored " + score);
            } else {
                assertTrue(score.score() < 4.5, "background scored " + score);
            }
        }
    }

    @Test
    void smallCountsCannotClaimATinySpread() {
        SortedMap<LocalDate, Long> series = new TreeMap<>();
        series.put(START.plusDays(40), 3L);
        TrendScorer.Score fromNothing = days.score(START, series).get(0);
        assertEquals(0.0, fromNothing.baselineMean());
        assertEquals(1.0, fromNothing.baselineSd(), "the floor");
        assertEquals(3.0, fromNothing.score(), 1e-12);

        // one article a day, every day: sd 0, but a Poisson count of mean 1 has sd 1
        SortedMap<LocalDate, Long> steady = new TreeMap<>();
        for (int d = 0; d < 30; d++) {
            steady.put(START.plusDays(d), 1L);
        }
        steady.put(START.plusDays(30), 4L);
        List<TrendScorer.Score> scores = days.score(START, steady);
        TrendScorer.Score last = scores.get(scores.size() - 1);
        assertEquals(1.0, last.baselineMean(), 1e-12);
        assertEquals(1.0, last.baselineSd(), 1e-12);
        assertEquals(3.0, last.score(), 1e-12);
    }

    @Test
    void aWeekdayRhythmIsNotNews() {
        // 20 articles a weekday, 4 on Saturday and Sunday: after a warm-up every day is as expected
        SortedMap<LocalDate, Long> series = new TreeMap<>();
        for (int d = 0; d < 84; d++) {
            LocalDate day = START.plusDays(d);
            series.put(day, day.getDayOfWeek().getValue() >= 6 ? 4L : 20L);
        }
        List<TrendScorer.Score> scores = days.score(START, series);
        for (TrendScorer.Score score : scores.subList(scores.size() - 28, scores.size())) {
            assertTrue(Math.abs(score.score()) < 1.0, "weekday rhythm scored " + score);
        }
        // without the weekday factors a Saturday would sit about (4 - 15.4) / 7 below the mean
        TrendScorer.Score saturday = scores.stream()
                .filter(s -> s.periodStart().equals(START.plusDays(75))).findFirst().orElseThrow();
        assertTrue(saturday.baselineMean() < 8, "Saturday expected " + saturday.baselineMean());
    }

    @Test
    void periodsWithLessThanHalfAWindowOfHistoryAreNotScored() {
        SortedMap<LocalDate, Long> series = new TreeMap<>();
        for (int d = 0; d < 20; d++) {
            series.put(START.plusDays(d), 2L);
        }
        List<TrendScorer.Score> scores = days.score(START, series);
        assertEquals(START.plusDays(14), scores.get(0).periodStart());
        assertEquals(6, scores.size());
    }

    @Test
    void weeksUseWeeklyPeriodsWithoutWeekdayFactors() {
        TrendScorer weeks = new TrendScorer(Granularity.WEEK, 8, 1.0);
        SortedMap<LocalDate, Long> series = new TreeMap<>();
        for (int w = 0; w < 8; w++) {
            series.put(START.plusWeeks(w), 10L);
        }
        series.put(START.plusWeeks(8), 40L);
        List<TrendScorer.Score> scores = weeks.score(START, series);
        TrendScorer.Score last = scores.get(scores.size() - 1);
        assertEquals(10.0, last.baselineMean(), 1e-12);
        assertEquals(Math.sqrt(10), last.baselineSd(), 1e-12);
        assertEquals(30 / Math.sqrt(10), last.score(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> weeks.score(START.plusDays(2), series));
    }
}
