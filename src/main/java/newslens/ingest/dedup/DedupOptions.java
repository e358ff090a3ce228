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
}
