package newslens.ingest.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    private static void assertMessage(String expected, Runnable construct) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, construct::run).getMessage());
    }
}
