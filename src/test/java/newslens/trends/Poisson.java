package newslens.trends;

import java.util.SplittableRandom;

/** Poisson draws for planted series (Knuth's method: fine for the means tests use). */
final class Poisson {
    private Poisson() {}

    static long draw(SplittableRandom rng, double mean) {
        double limit = Math.exp(-mean);
        long k = 0;
        double product = rng.nextDouble();
        while (product > limit) {
            k++;
            product *= rng.nextDouble();
        }
        return k;
    }
}
