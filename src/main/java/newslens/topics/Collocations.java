package newslens.topics;

import newslens.text.WordSegmenter;

/**
 * Which adjacent pair of words may become one word: the pure rules of collocation learning
 * (the counting is done by {@link CollocationLearner} with Spark).
 */
public final class Collocations {
    private Collocations() {}

    /**
     * Normalised PMI of two adjacent units: {@code log(p(ab) / (p(a) p(b))) / -log p(ab)}, with
     * {@code p(ab)} over adjacent pairs and {@code p(a)}, {@code p(b)} over units. 1 when the two
     * only ever occur together, 0 when independent.
     */
    public static double npmi(long pairCount, long countA, long countB, long totalPairs, long totalUnits) {
        if (pairCount <= 0 || countA <= 0 || countB <= 0 || totalPairs <= 0 || totalUnits <= 0) {
            throw new IllegalArgumentException("npmi needs positive counts, got pair " + pairCount + ", a " + countA
                    + ", b " + countB + ", pairs " + totalPairs + ", units " + totalUnits);
        }
        double pab = (double) pairCount / totalPairs;
        if (pab >= 1.0) {
            return 1.0;
        }
        double pa = (double) countA / totalUnits;
        double pb = (double) countB / totalUnits;
        return Math.log(pab / (pa * pb)) / -Math.log(pab);
    }

    /**
     * A pair may join when neither part is a stop word (so {@code "của ông"} or {@code "ông trump"}
     * never become words; the shipped lexicon holds the real words with a function syllable, such
     * as {@code "nguy cơ"}), both are made of letters only, and
     * the joined word has at most {@link WordSegmenter#MAX_WORD_SYLLABLES} syllables.
     */
    public static boolean mayJoin(String a, String b, StopWords stopWords) {
        return !stopWords.isStop(a) && !stopWords.isStop(b) && lettersAndSpaces(a) && lettersAndSpaces(b)
                && WordSegmenter.syllableCount(a) + WordSegmenter.syllableCount(b) <= WordSegmenter.MAX_WORD_SYLLABLES;
    }

    private static boolean lettersAndSpaces(String word) {
        return word.codePoints().allMatch(cp -> Character.isLetter(cp) || cp == ' '
                || Character.getType(cp) == Character.NON_SPACING_MARK);
    }
}
