package newslens.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WindowCountsTest {

    private static final WindowCounts.Period MONDAY =
            new WindowCounts.Period("sentence", "day", LocalDate.of(2024, 3, 4));
    private static final WindowCounts.Period ALL = new WindowCounts.Period("sentence", "all", null);

    @Test
    void scoresAPairWithTheWindowCountsOfItsOwnPeriod() {
        WindowCounts counts = new WindowCounts();
        counts.add(MONDAY, null, 100);
        counts.add(MONDAY, "a", 10);
        counts.add(MONDAY, "b", 5);
        counts.add(ALL, null, 1000);
        counts.add(ALL, "a", 10);
        counts.add(ALL, "b", 5);

        assertEquals(Npmi.of(2, 10, 5, 100), counts.npmi(MONDAY, "a", "b", 2), 0.0);
        assertEquals(Npmi.of(2, 10, 5, 1000), counts.npmi(ALL, "b", "a", 2), 0.0);
    }

    @Test
    void countsOfTheSamePeriodAndEntityAddUp() {
        WindowCounts counts = new WindowCounts();
        counts.add(MONDAY, null, 60);
        counts.add(MONDAY, null, 40);
        counts.add(MONDAY, "a", 4);
        counts.add(MONDAY, "a", 6);
        counts.add(MONDAY, "b", 5);

        assertEquals(Npmi.of(2, 10, 5, 100), counts.npmi(MONDAY, "a", "b", 2), 0.0);
    }

    @Test
    void aPairWithoutWindowCountsIsAnErrorNotASilentDrop() {
        WindowCounts counts = new WindowCounts();
        counts.add(MONDAY, null, 100);
        counts.add(MONDAY, "a", 10);

        IllegalStateException missingEntity = assertThrows(IllegalStateException.class,
                () -> counts.npmi(MONDAY, "a", "b", 1));
        assertTrue(missingEntity.getMessage().contains("a / b"), missingEntity.getMessage());
        assertThrows(IllegalStateException.class, () -> counts.npmi(ALL, "a", "b", 1));
    }
}
