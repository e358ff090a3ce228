package newslens.ingest.dedup;

import java.io.Serializable;

/**
 * Locality-sensitive hashing of MinHash signatures: the signature is cut into {@code b} bands of {@code r}
 * consecutive values and each band becomes one 64-bit key; two articles are candidates when any of their keys
 * are equal. Two articles of Jaccard {@code s} collide with probability {@code 1 - (1 - s^r)^b}.
 *
 * <p>The defaults, 32 bands of 4 rows (128 hashes), put the S-curve's steep part near
 * {@code (1/b)^(1/r) = 0.42}, below the 0.5 similarity threshold, so that pairs at the threshold are rarely
 * missed and true copies never are:
 * <pre>
 *   Jaccard          0.3    0.4    0.5    0.6    0.7     0.8        0.9
 *   P(candidates)    0.23   0.56   0.87   0.988  0.99985 1 - 5e-8   1 - 1e-15
 * </pre>
 * Candidates below the threshold cost one verification each and are then dropped.
 */
public final class LshBands implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int bands;
    private final int rows;

    public LshBands(int bands, int rows) {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be at least 1, got " + bands + " and " + rows);
        }
        this.bands = bands;
        this.rows = rows;
    }

    public static LshBands of(DedupOptions options) {
        return new LshBands(options.bands(), options.rowsPerBand());
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    /**
     * One key per band; the band's number is part of its key, so equal values in different bands never
     * collide. An empty signature (a body without words) has no keys.
     */
    public long[] keys(MinHashSignature signature) {
        if (signature.isEmpty()) {
            return new long[0];
        }
        if (signature.size() != bands * rows) {
            throw new IllegalArgumentException("a signature of " + signature.size() + " hashes cannot be cut into "
                    + bands + " bands of " + rows);
        }
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            long h = band + 1;
            for (int row = band * rows; row < (band + 1) * rows; row++) {
                h = (h + (signature.value(row) & 0xFFFF_FFFFL)) * GOLDEN;
            }
            keys[band] = Shingles.mix(h);
        }
        return keys;
    }

    /** Probability that two articles of Jaccard similarity {@code jaccard} share at least one band key. */
    public double collisionProbability(double jaccard) {
        return 1 - Math.pow(1 - Math.pow(jaccard, rows), bands);
    }
}
