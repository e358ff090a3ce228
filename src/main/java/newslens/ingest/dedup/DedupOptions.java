package newslens.ingest.dedup;

import java.io.Serializable;

/**
 * Settings of near-duplicate grouping.
 *
 * @param minSimilarity word-shingle Jaccard at or above which two articles are copies of one story;
 *                      the default (0.5, in {@code default-config.json}) was measured on news-dev
 *                      ({@code NewsDevNearDuplicatesTest}): the lowest threshold at which no pair below 0.5 ends
 *                      in a group, in the empty valley between reprints (0.85 and up) and rewrites (below 0.6)
 * @param maxDaysApart  most days between two dated articles that may still be copies; syndication follows the
 *                      original within days, while a daily templated report (prices, weather) repeats its
 *                      wording every day and must not collapse into one article
 * @param shingleSize   words per shingle
 * @param numHashes     MinHash functions per signature
 * @param bands         LSH bands the signature is cut into ({@code numHashes / bands} rows each)
 */
public record DedupOptions(double minSimilarity, int maxDaysApart, int shingleSize, int numHashes, int bands)
        implements Serializable {

    public DedupOptions {
        if (!(minSimilarity > 0 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("dedup.minSimilarity must be in (0, 1], got " + minSimilarity);
        }
        if (maxDaysApart < 0) {
            throw new IllegalArgumentException("dedup.maxDaysApart must be at least 0, got " + maxDaysApart);
        }
        if (shingleSize < 1 || shingleSize > 20) {
            throw new IllegalArgumentException("dedup.shingleSize must be in [1, 20], got " + shingleSize);
        }
        if (numHashes < 1 || numHashes > 1024) {
            throw new IllegalArgumentException("dedup.numHashes must be in [1, 1024], got " + numHashes);
        }
        if (bands < 1 || bands > numHashes || numHashes % bands != 0) {
            throw new IllegalArgumentException("dedup.bands must divide dedup.numHashes (" + numHashes + "), got "
                    + bands);
        }
    }

    public int rowsPerBand() {
        return numHashes / bands;
    }

    /** Chance that a pair at the threshold is dropped by {@link #minEstimate} before verification, at most. */
    public static final double CANDIDATE_MISS_RATE = 1e-6;

    /**
     * The least MinHash estimate a candidate pair needs before its shingle sets are compared: the agreements
     * of a pair at exactly {@code minSimilarity} are Binomial({@code numHashes}, {@code minSimilarity}), and
     * this is the largest share of agreements below which such a pair falls with a chance of at most
     * {@link #CANDIDATE_MISS_RATE} (the tail summed exactly; a more similar pair falls below it less often).
     * Most chance collisions of the bands (a shared sentence or two) are dropped here, without moving their
     * shingles.
     */
    public double minEstimate() {
        double logP = Math.log(minSimilarity);
        double logQ = minSimilarity < 1 ? Math.log(1 - minSimilarity) : Double.NEGATIVE_INFINITY;
        double below = 0;
        double logChoose = 0;
        for (int agree = 0; agree <= numHashes; agree++) {
            if (agree > 0) {
                logChoose += Math.log(numHashes - agree + 1) - Math.log(agree);
            }
            double next = below + Math.exp(logChoose + agree * logP + (numHashes - agree) * logQ);
            if (next > CANDIDATE_MISS_RATE) {
                return (double) agree / numHashes;
            }
            below = next;
        }
        return 1;
    }
}
