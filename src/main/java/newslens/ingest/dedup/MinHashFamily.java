package newslens.ingest.dedup;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * {@code k} hash functions {@code h_i(x) = (a_i·x + b_i) >>> 32} (a_i odd) drawn from a seed, so every
 * executor signs alike; a signature keeps, per function, the least value over a document's shingle hashes.
 * Shingle hashes are already mixed 64-bit values, so one multiply-add per function and shingle suffices.
 */
public final class MinHashFamily implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Any fixed value: changing it changes every signature, not their quality. */
    public static final long DEFAULT_SEED = 0x6E65_7773_6C65_6E73L;

    private final long[] multipliers;
    private final long[] increments;

    public MinHashFamily(int numHashes, long seed) {
        if (numHashes < 1) {
            throw new IllegalArgumentException("numHashes must be at least 1, got " + numHashes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        multipliers = new long[numHashes];
        increments = new long[numHashes];
        for (int i = 0; i < numHashes; i++) {
            multipliers[i] = random.nextLong() | 1L;
            increments[i] = random.nextLong();
        }
    }

    public static MinHashFamily of(DedupOptions options) {
        return new MinHashFamily(options.numHashes(), DEFAULT_SEED);
    }

    public int size() {
        return multipliers.length;
    }

    /** The signature of a shingle set (as from {@link Shingles#of}); the empty set has an empty signature. */
    public MinHashSignature sign(long[] shingles) {
        if (shingles.length == 0) {
            return MinHashSignature.EMPTY;
        }
        int[] values = new int[multipliers.length];
        int i = 0;
        // Four functions per pass over the shingles: four independent minimums keep the multiplier busy.
        for (; i + 4 <= multipliers.length; i += 4) {
            long a0 = multipliers[i];
            long a1 = multipliers[i + 1];
            long a2 = multipliers[i + 2];
            long a3 = multipliers[i + 3];
            long b0 = increments[i];
            long b1 = increments[i + 1];
            long b2 = increments[i + 2];
            long b3 = increments[i + 3];
            long m0 = Long.MAX_VALUE;
            long m1 = Long.MAX_VALUE;
            long m2 = Long.MAX_VALUE;
            long m3 = Long.MAX_VALUE;
            for (long x : shingles) {
                m0 = Math.min(m0, (a0 * x + b0) >>> 32);
                m1 = Math.min(m1, (a1 * x + b1) >>> 32);
                m2 = Math.min(m2, (a2 * x + b2) >>> 32);
                m3 = Math.min(m3, (a3 * x + b3) >>> 32);
            }
            values[i] = (int) m0;
            values[i + 1] = (int) m1;
            values[i + 2] = (int) m2;
            values[i + 3] = (int) m3;
        }
        for (; i < multipliers.length; i++) {
            long least = Long.MAX_VALUE;
            for (long x : shingles) {
                least = Math.min(least, (multipliers[i] * x + increments[i]) >>> 32);
            }
            values[i] = (int) least;
        }
        return new MinHashSignature(values);
    }
}
