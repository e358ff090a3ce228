package newslens.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import newslens.app.JobConfig;
import org.junit.jupiter.api.Test;

class BurstDetectorTest {

    private static final int DAYS = 120;
    private static final TrendsStage.Options DEFAULTS = JobConfig.load(null).trends();
    private final BurstDetector detector = detector(DEFAULTS.burstFalseRate());

    private static BurstDetector detector(double falseRate) {
        return new BurstDetector(DEFAULTS.burstScale(), DEFAULTS.burstGamma(), DEFAULTS.burstLevels(), falseRate);
    }

    /** Articles of the day: about 300, fewer at weekends (day 0 a Monday). */
    private static long[] totals(SplittableRandom rng) {
        long[] totals = new long[DAYS];
        for (int t = 0; t < DAYS; t++) {
            totals[t] = Poisson.draw(rng, t % 7 >= 5 ? 150 : 300);
        }
        return totals;
    }

    /** The key's articles: a share of the day's articles, Poisson, {@code surge} times that share in [from, to]. */
    private static long[] key(SplittableRandom rng, long[] totals, double perDay, int from, int to, double surge) {
        long[] relevant = new long[DAYS];
        for (int t = 0; t < DAYS; t++) {
            double mean = perDay * totals[t] / 257.0 * (t >= from && t <= to ? surge : 1);
            relevant[t] = Poisson.draw(rng, mean);
        }
        return relevant;
    }

    @Test
    void aPlantedSurgeIsFoundWithinADayOfItsStart() {
        TreeMap<Integer, Integer> startErrors = new TreeMap<>();
        int trials = 200;
        int found = 0;
        for (int trial = 0; trial < trials; trial++) {
            SplittableRandom rng = new SplittableRandom(1000 + trial);
            long[] totals = totals(rng);
            int start = 50 + trial % 20;
            long[] relevant = key(rng, totals, 1.0, start, start + 4, 6.0);
            List<BurstDetector.Burst> level1 = detector.detect(relevant, totals).stream()
                    .filter(b -> b.level() == 1).toList();
            BurstDetector.Burst nearest = level1.stream()
                    .min((a, b) -> Integer.compare(Math.abs(a.start() - start), Math.abs(b.start() - start)))
                    .orElse(null);
            if (nearest != null && nearest.end() >= start && nearest.start() <= start + 4) {
                startErrors.merge(nearest.start() - start, 1, Integer::sum);
                if (Math.abs(nearest.start() - start) <= 1) {
                    found++;
                }
            }
        }
        int overlapped = startErrors.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("planted 5-day surges (6x of 1 a day): %d of %d found with start within a day; "
                + "start error -> trials %s%n", found, trials, startErrors);
        // About 28 articles where 6 are expected is near the significance bar: some surges are not reported
        // at all (the automaton alone found 96%), but a reported one starts within a day.
        assertTrue(found >= 0.85 * trials, found + " of " + trials + " within a day: " + startErrors);
        assertTrue(found >= 0.95 * overlapped, found + " of " + overlapped + " reported within a day: " + startErrors);
    }

    @Test
    void aQuietPoissonBackgroundRarelyBursts() {
        double[] means = {0.3, 1, 3, 10, 40};
        int trials = 400;
        int withBursts = 0;
        for (double perDay : means) {
            int here = 0;
            for (int trial = 0; trial < trials; trial++) {
                SplittableRandom rng = new SplittableRandom(trial * 31L + (long) (perDay * 1000));
                long[] totals = totals(rng);
                if (!detector.detect(key(rng, totals, perDay, -1, -1, 1), totals).isEmpty()) {
                    here++;
                }
            }
            System.out.printf("quiet key, %.1f articles a day over %d days: %d of %d series with a burst%n",
                    perDay, DAYS, here, trials);
            withBursts += here;
        }
        double rate = (double) withBursts / (trials * means.length);
        System.out.printf("false-burst rate at the defaults: %.4f%n", rate);
        assertTrue(rate < 0.05, "false-burst rate " + rate);
    }

    @Test
    void aRunTheAutomatonEntersIsABurstOnlyWithEnoughEvidence() {
        long[] totals = new long[DAYS];
        Arrays.fill(totals, 100);
        long[] weak = new long[DAYS];
        for (int t = 0; t < DAYS; t += 3) {
            weak[t] = 1;
        }
        long[] strong = weak.clone();
        for (int t = 60; t < 68; t++) {
            weak[t] = 2;     // 16 articles where about 3 are expected: the path climbs, the evidence is short
            strong[t] = 4;
        }
        List<BurstDetector.Burst> lax = detector(0.999).detect(weak, totals);
        assertEquals(List.of(new BurstDetector.Burst(60, 67, 1, 60, 16)), lax, "the automaton's run");
        assertTrue(detector.detect(weak, totals).isEmpty(), "below the bar at the default false rate");
        assertTrue(detector.detect(strong, totals).stream().anyMatch(b -> b.level() == 1 && b.start() == 60),
                "twice as many clear it");
    }

    @Test
    void aStrongerSurgeNestsASecondLevelInsideTheFirst() {
        long[] totals = new long[60];
        long[] relevant = new long[60];
        for (int t = 0; t < 60; t++) {
            totals[t] = 200;
            relevant[t] = t >= 30 && t < 40 ? (t >= 33 && t < 36 ? 60 : 12) : 2;
        }
        List<BurstDetector.Burst> bursts = detector.detect(relevant, totals);
        BurstDetector.Burst outer = bursts.stream().filter(b -> b.level() == 1).findFirst().orElseThrow();
        BurstDetector.Burst inner = bursts.stream().filter(b -> b.level() == 2).findFirst().orElseThrow();
        assertEquals(30, outer.start());
        assertEquals(39, outer.end());
        assertTrue(inner.start() >= outer.start() && inner.end() <= outer.end(), bursts.toString());
        assertEquals(33, outer.peak());
        assertEquals(7 * 12 + 3 * 60, outer.nDocs());
    }

    @Test
    void aKeyInMostArticlesCannotBurst() {
        long[] totals = {10, 10, 10, 10};
        assertTrue(detector.detect(new long[] {6, 6, 10, 10}, totals).isEmpty());
        assertTrue(detector.detect(new long[] {0, 0, 0, 0}, totals).isEmpty());
    }
}
