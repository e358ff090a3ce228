package newslens.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import newslens.dashboard.Timeline.PeriodValue;
import newslens.table.Granularity;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static PeriodValue value(String key, String day, double value) {
        return new PeriodValue(key, day == null ? null : LocalDate.parse(day), value);
    }

    @Test
    void fillsTheGapsBetweenWeeksWithZeros() {
        Timeline timeline = Timeline.of(Granularity.WEEK, List.of("a", "b"), List.of(
                value("a", "2024-10-07", 2), value("a", "2024-10-28", 1), value("b", "2024-10-14", 5)), 10);
        assertEquals(List.of("2024-10-07", "2024-10-14", "2024-10-21", "2024-10-28"), timeline.periods());
        assertEquals(List.of(2.0, 0.0, 0.0, 1.0), timeline.values().get("a"));
        assertEquals(List.of(0.0, 5.0, 0.0, 0.0), timeline.values().get("b"));
        assertEquals("week", timeline.granularity());
        assertFalse(timeline.truncated());
    }

    @Test
    void keepsTheKeyOrderAndGivesZerosToKeysWithoutValues() {
        Timeline timeline = Timeline.of(Granularity.MONTH, List.of("z", "quiet", "a"), List.of(
                value("a", "2024-01-01", 1), value("z", "2024-02-01", 3), value("other", "2024-02-01", 9)), 10);
        assertEquals(List.of("z", "quiet", "a"), List.copyOf(timeline.values().keySet()));
        assertEquals(List.of(0.0, 0.0), timeline.values().get("quiet"));
        assertEquals(List.of("2024-01-01", "2024-02-01"), timeline.periods());
    }

    @Test
    void keepsOnlyTheMostRecentPeriodsAndSaysSo() {
        Timeline timeline = Timeline.of(Granularity.DAY, List.of("a"), List.of(
                value("a", "2024-01-01", 1), value("a", "2024-03-01", 2), value("a", "2024-03-03", 4)), 3);
        assertEquals(List.of("2024-03-01", "2024-03-02", "2024-03-03"), timeline.periods());
        assertEquals(List.of(2.0, 0.0, 4.0), timeline.values().get("a"));
        assertTrue(timeline.truncated());
        assertEquals(LocalDate.parse("2024-03-01"),
                Timeline.windowStart(Granularity.DAY, LocalDate.parse("2024-03-03"), 3));
        assertEquals(LocalDate.parse("2023-12-01"),
                Timeline.windowStart(Granularity.MONTH, LocalDate.parse("2024-02-17"), 3));
    }

    @Test
    void ignoresUndatedValuesAndIsEmptyWithoutDates() {
        Timeline timeline = Timeline.of(Granularity.WEEK, List.of("a"), List.of(value("a", null, 3)), 10);
        assertTrue(timeline.periods().isEmpty());
        assertEquals(List.of(), timeline.values().get("a"));
    }
}
