package newslens.ingest.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LshBandsTest {

    private final LshBands defaults = LshBands.of(newslens.app.JobConfig.load(null).dedup());

    @Test
    void sCurveOfTheDefaultsAsDocumented() {
        assertEquals(24, defaults.bands());
        assertEquals(5, defaults.rows());
        assertEquals(0.533, defaults.collisionProbability(0.5), 0.001);
        assertEquals(0.988, defaults.collisionProbability(0.7), 0.001);
        assertEquals(0.9999, defaults.collisionProbability(0.8), 0.0001);
        assertEquals(0.057, defaults.collisionProbability(0.3), 0.001);
    }

    @Test
    void oneKeyPerBandAndABandDifferenceChangesOnlyItsKey() {
        int[] values = new int[120];
        Arrays.setAll(values, i -> i * 7919);
        long[] keys = defaults.keys(MinHashSignature.of(values));
        assertEquals(24, keys.length);
        assertEquals(24, Arrays.stream(keys).distinct().count());
        values[5] = -1;
        long[] changed = defaults.keys(MinHashSignature.of(values));
        assertNotEquals(keys[1], changed[1]);
        keys[1] = changed[1];
        assertArrayEquals(keys, changed);
    }

    @Test
    void equalValuesInDifferentBandsGiveDifferentKeys() {
        long[] keys = new LshBands(2, 2).keys(MinHashSignature.of(new int[] {3, 4, 3, 4}));
        assertNotEquals(keys[0], keys[1]);
    }

    @Test
    void emptySignatureHasNoKeysAndAWrongSizeIsRefused() {
        assertEquals(0, defaults.keys(MinHashSignature.EMPTY).length);
        assertThrows(IllegalArgumentException.class, () -> defaults.keys(MinHashSignature.of(new int[64])));
    }
}
