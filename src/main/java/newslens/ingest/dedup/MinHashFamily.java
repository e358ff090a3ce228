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
        for (int i = 0; i < multipliers.length; i++) {
            long a = multipliers[i];
            long b = increments[i];
            long least = Long.MAX_VALUE;
            for (long x : shingles) {
                least = Math.min(least, (a * x + b) >>> 32);
            }
            values[i] = (int) least;
        }
        return new MinHashSignature(values);
    }
}
