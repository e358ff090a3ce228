package newslens.cooccurrence;

/**
 * Normalised pointwise mutual information of two entities over the windows (sentences or
 * articles) of one period and scope:
 *
 * <pre>
 *   npmi(a, b) = log(p(a,b) / (p(a) p(b))) / -log p(a,b),   p(x) = windows with x / all windows
 * </pre>
 *
 * It runs from -1 (never together) through 0 (independent) to 1 (always together). Two edge cases
 * are defined rather than left to floating point: a pair present in every window has p(a,b) = 1,
 * where the formula is 0/0; both entities then occur in every window too, so they are perfectly
 * associated and npmi is 1. Small counts are the caller's business: pairs under the minimum
 * support are not written at all, since npmi of a pair seen once is high whatever the truth.
 */
public final class Npmi {
    private Npmi() {}

    public static double of(long pairWindows, long windowsA, long windowsB, long totalWindows) {
        if (pairWindows <= 0 || totalWindows <= 0) {
            throw new IllegalArgumentException("npmi needs a pair seen at least once in a non-empty period, got "
                    + pairWindows + " of " + totalWindows + " windows");
        }
        if (pairWindows > windowsA || pairWindows > windowsB || windowsA > totalWindows || windowsB > totalWindows) {
            throw new IllegalArgumentException("inconsistent counts: pair " + pairWindows + ", a " + windowsA
                    + ", b " + windowsB + ", windows " + totalWindows);
        }
        if (pairWindows == totalWindows) {
            return 1.0;
        }
        double pab = (double) pairWindows / totalWindows;
        double pa = (double) windowsA / totalWindows;
        double pb = (double) windowsB / totalWindows;
        return Math.log(pab / (pa * pb)) / -Math.log(pab);
    }
}
