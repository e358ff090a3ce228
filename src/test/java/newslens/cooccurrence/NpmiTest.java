package newslens.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NpmiTest {

    @Test
    void independentEntitiesScoreZero() {
        // p(a) = p(b) = 1/2, p(a,b) = 1/4 = p(a) p(b)
        assertEquals(0.0, Npmi.of(25, 50, 50, 100), 1e-12);
    }

    @Test
    void entitiesThatOnlyOccurTogetherScoreOne() {
        // a and b each in 10 of 100 windows, always the same 10: log(0.1/0.01) / -log(0.1) = 1
        assertEquals(1.0, Npmi.of(10, 10, 10, 100), 1e-12);
    }

    @Test
    void handComputedCase() {
        // p(a,b) = 0.02, p(a) = 0.1, p(b) = 0.05: log(0.02 / 0.005) / -log(0.02) = log 4 / log 50
        assertEquals(Math.log(4) / Math.log(50), Npmi.of(2, 10, 5, 100), 1e-12);
    }

    @Test
    void pairInEveryWindowIsPerfectAssociationNotNaN() {
        assertEquals(1.0, Npmi.of(7, 7, 7, 7), 0.0);
    }

    @Test
    void pairSeenOnceWithRareEntitiesIsHighWhichIsWhyMinimumSupportExists() {
        // each entity seen once, together, in 1000 windows: npmi = 1 from a single observation
        assertEquals(1.0, Npmi.of(1, 1, 1, 1000), 1e-12);
        // a pair seen once next to a hub entity present in half the windows is weakly associated
        assertEquals(Math.log(2) / Math.log(1000), Npmi.of(1, 1, 500, 1000), 1e-12);
    }

    @Test
    void hubEntityInEveryWindowIsIndependentOfEverything() {
        assertEquals(0.0, Npmi.of(30, 30, 100, 100), 1e-12);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Npmi.of(0, 1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> Npmi.of(5, 4, 6, 10));
        assertThrows(IllegalArgumentException.class, () -> Npmi.of(1, 11, 1, 10));
    }
}
