package newslens.ingest.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinHashSignatureTest {

    @Test
    void estimateTracksExactJaccardWithinThreeStandardErrors() {
        SplittableRandom random = new SplittableRandom(5);
        MinHashFamily family = new MinHashFamily(128, MinHashFamily.DEFAULT_SEED);
        long[] universe = LongStream.generate(random::nextLong).limit(2000).toArray();
        for (int shared : new int[] {0, 100, 300, 500, 700, 900, 1000}) {
            // Sets of 1000 sharing `shared` elements: Jaccard shared / (2000 - shared).
            long[] first = sorted(Arrays.copyOfRange(universe, 0, 1000));
            long[] second = sorted(Arrays.copyOfRange(universe, 1000 - shared, 2000 - shared));
            double exact = Shingles.jaccard(first, second);
            double estimate = family.sign(first).estimateJaccard(family.sign(second));
            double standardError = Math.sqrt(exact * (1 - exact) / 128);
            assertTrue(Math.abs(estimate - exact) <= 3 * standardError + 1e-9,
                    "shared " + shared + ": exact " + exact + ", estimate " + estimate);
        }
    }

    @Test
    void sameSeedSignsAlikeAnotherSeedDoesNot() {
        long[] shingles = new Shingles(5).of("Hội nghị thượng đỉnh diễn ra tại Hà Nội trong hai ngày cuối tuần.");
        MinHashSignature signature = new MinHashFamily(64, 1).sign(shingles);
        assertEquals(signature, new MinHashFamily(64, 1).sign(shingles));
        assertEquals(signature, MinHashSignature.of(signature.values()));
        assertEquals(signature, MinHashSignature.unpack(signature.pack()));
        assertEquals(64 * 4, signature.pack().length);
        assertNotEquals(signature, new MinHashFamily(64, 2).sign(shingles));
        assertEquals(1.0, signature.estimateJaccard(new MinHashFamily(64, 1).sign(shingles.clone())));
    }

    @Test
    void emptyBodyIsSimilarToNothing() {
        MinHashFamily family = new MinHashFamily(16, 1);
        MinHashSignature empty = family.sign(new long[0]);
        assertTrue(empty.isEmpty());
        assertEquals(0.0, empty.estimateJaccard(empty));
        assertEquals(0.0, empty.estimateJaccard(family.sign(new long[] {1, 2, 3})));
    }

    private static long[] sorted(long[] values) {
        Arrays.sort(values);
        return values;
    }
}
