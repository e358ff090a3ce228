package newslens.ingest.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DedupOptionsTest {

    @Test
    void defaultsCutTheSignatureIntoWholeBands() {
        DedupOptions defaults = newslens.app.JobConfig.load(null).dedup();
        assertEquals(defaults.numHashes(), defaults.bands() * defaults.rowsPerBand());
    }

    @Test
    void eachBadValueIsNamedWithWhatWasGiven() {
        assertMessage("dedup.minSimilarity must be in (0, 1], got 1.5", () -> new DedupOptions(1.5, 3, 5, 128, 32));
        assertMessage("dedup.minSimilarity must be in (0, 1], got 0.0", () -> new DedupOptions(0, 3, 5, 128, 32));
        assertMessage("dedup.minSimilarity must be in (0, 1], got NaN",
                () -> new DedupOptions(Double.NaN, 3, 5, 128, 32));
        assertMessage("dedup.maxDaysApart must be at least 0, got -1", () -> new DedupOptions(0.5, -1, 5, 128, 32));
        assertMessage("dedup.shingleSize must be in [1, 20], got 0", () -> new DedupOptions(0.5, 3, 0, 128, 32));
        assertMessage("dedup.numHashes must be in [1, 1024], got 0", () -> new DedupOptions(0.5, 3, 5, 0, 1));
        assertMessage("dedup.bands must divide dedup.numHashes (128), got 30",
                () -> new DedupOptions(0.5, 3, 5, 128, 30));
        assertMessage("dedup.bands must divide dedup.numHashes (128), got 256",
                () -> new DedupOptions(0.5, 3, 5, 128, 256));
    }

    @Test
    void aPairAtTheThresholdAlmostNeverFallsBelowTheCandidateEstimate() {
        for (double threshold : new double[] {0.3, 0.5, 0.8, 0.95, 1.0}) {
            for (int numHashes : new int[] {60, 120, 256}) {
                DedupOptions options = new DedupOptions(threshold, 3, 5, numHashes, 4);
                int least = (int) Math.round(options.minEstimate() * numHashes);
                assertTrue(least <= threshold * numHashes, threshold + "/" + numHashes + ": " + least);
                // Agreements of a pair at exactly the threshold are Binomial(numHashes, threshold).
                assertTrue(belowCount(least, numHashes, threshold) <= DedupOptions.CANDIDATE_MISS_RATE,
                        threshold + "/" + numHashes);
                if (threshold < 1) {
                    assertTrue(belowCount(least + 1, numHashes, threshold) > DedupOptions.CANDIDATE_MISS_RATE,
                            "the least estimate is as high as the miss rate allows: " + threshold + "/" + numHashes);
                }
            }
        }
        // Default settings: 34 of 120 values must agree (an estimate of 0.283).
        assertEquals(34 / 120.0, new DedupOptions(0.5, 3, 5, 120, 24).minEstimate(), 1e-12);
    }

    /** P(X < count) for X ~ Binomial(n, p), summed term by term. */
    private static double belowCount(int count, int n, double p) {
        double sum = 0;
        for (int k = 0; k < count; k++) {
            sum += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
        }
        return sum;
    }

    private static double logChoose(int n, int k) {
        double log = 0;
        for (int i = 1; i <= k; i++) {
            log += Math.log(n - k + i) - Math.log(i);
        }
        return log;
    }

    private static void assertMessage(String expected, Runnable construct) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, construct::run).getMessage());
    }
}
