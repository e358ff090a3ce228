package newslens.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import newslens.dashboard.DashboardData.RisingItem;
import newslens.dashboard.DashboardData.RisingPeriod;
import newslens.dashboard.RisingNow.BurstRow;
import newslens.dashboard.RisingNow.Count;
import newslens.dashboard.RisingNow.TrendRow;
import newslens.table.Granularity;
import org.junit.jupiter.api.Test;

class RisingNowTest {
    private static final LocalDate LAST_DAY = LocalDate.parse("2024-10-22");
    private static final LocalDate LAST_WEEK = LocalDate.parse("2024-10-21");
    private static final Map<Granularity, LocalDate> LATEST = Map.of(Granularity.DAY, LAST_DAY, Granularity.WEEK, LAST_WEEK);

    private static TrendRow day(String kind, String key, int rank) {
        return new TrendRow("day", LAST_DAY, kind, key, 4, 3.0 - rank, rank);
    }

    private static List<RisingPeriod> build(List<TrendRow> top, List<BurstRow> bursts, List<Count> counts) {
        return RisingNow.build(LATEST, top, bursts, counts,
                Map.of("per:a", "Nguyễn Văn A", "loc:b", "<img src=x onerror=alert(1)>"), Map.of("3", "kinh tế"));
    }

    @Test
    void aSectionPerGranularityWithItemsByKindThenRank() {
        List<RisingPeriod> periods = build(List.of(
                day("topic", "3", 1), day("pair", "loc:b|per:a", 1), day("entity", "loc:b", 2), day("entity", "per:a", 1),
                new TrendRow("week", LAST_WEEK, "entity", "per:a", 9, 2.5, 1),
                new TrendRow("day", LAST_DAY.minusDays(1), "entity", "loc:b", 9, 9.0, 1)), List.of(), List.of());

        assertEquals(List.of("day", "week"), periods.stream().map(RisingPeriod::granularity).toList());
        RisingPeriod day = periods.get(0);
        assertEquals("2024-10-22", day.period());
        assertEquals(List.of("entity:per:a", "entity:loc:b", "pair:loc:b|per:a", "topic:3"),
                day.items().stream().map(i -> i.kind() + ":" + i.key()).toList(), "an earlier day's rows are left out");
        assertEquals(List.of("<img src=x onerror=alert(1)>", "Nguyễn Văn A"), day.items().get(2).names());
        assertEquals(List.of("loc:b", "per:a"), day.items().get(2).entityIds());
        assertEquals(List.of("kinh tế"), day.items().get(3).names());
        assertEquals(List.of(), day.items().get(3).entityIds());
        assertEquals(1, periods.get(1).items().size());
    }

    @Test
    void unknownNamesFallBackToTheirIds() {
        RisingItem item = build(List.of(day("pair", "per:a|org:gone", 1), day("topic", "7", 2)), List.of(), List.of())
                .get(0).items().get(0);
        assertEquals(List.of("Nguyễn Văn A", "org:gone"), item.names());
        assertEquals(List.of("topic 7"), build(List.of(day("topic", "7", 1)), List.of(), List.of())
                .get(0).items().get(0).names());
    }

    @Test
    void sparklinesCoverTheWindowEndingAtTheLatestPeriodWithGapsAsZero() {
        List<RisingPeriod> periods = build(List.of(day("entity", "per:a", 1),
                new TrendRow("week", LAST_WEEK, "entity", "per:a", 9, 2.5, 1)), List.of(), List.of(
                new Count("entity", "per:a", "day", LAST_DAY, 4),
                new Count("entity", "per:a", "day", LAST_DAY.minusDays(27), 2),
                new Count("entity", "per:a", "day", LAST_DAY.minusDays(28), 50), // before the window
                new Count("entity", "loc:b", "day", LAST_DAY, 7), // another key
                new Count("pair", "per:a", "day", LAST_DAY, 7), // another kind
                new Count("entity", "per:a", "week", LAST_WEEK.minusWeeks(1), 3)));

        RisingPeriod day = periods.get(0);
        assertEquals(28, day.sparkPeriods().size());
        assertEquals("2024-09-25", day.sparkPeriods().get(0));
        assertEquals("2024-10-22", day.sparkPeriods().get(27));
        List<Long> recent = day.items().get(0).recent();
        assertEquals(28, recent.size());
        assertEquals(2L, recent.get(0));
        assertEquals(4L, recent.get(27));
        assertEquals(6L, recent.stream().mapToLong(Long::longValue).sum());

        RisingPeriod week = periods.get(1);
        assertEquals(12, week.sparkPeriods().size());
        assertEquals("2024-08-05", week.sparkPeriods().get(0));
        List<Long> expected = new java.util.ArrayList<>(Collections.nCopies(12, 0L));
        expected.set(10, 3L);
        assertEquals(expected, week.items().get(0).recent());
    }

    @Test
    void theLatestOpenOrRecentBurstIsShownWidestLevelFirst() {
        TrendRow row = day("entity", "per:a", 1);
        List<BurstRow> bursts = List.of(
                new BurstRow("entity", "per:a", "day", LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-03"), 1),
                new BurstRow("entity", "per:a", "day", LocalDate.parse("2024-10-19"), LAST_DAY, 1),
                new BurstRow("entity", "per:a", "day", LocalDate.parse("2024-10-21"), LAST_DAY, 2),
                new BurstRow("entity", "per:a", "week", LocalDate.parse("2024-10-14"), LAST_WEEK, 1));
        var open = build(List.of(row), bursts, List.of()).get(0).items().get(0).burst();
        assertEquals("2024-10-19", open.start());
        assertEquals(1, open.level());
        assertTrue(open.open());

        var closed = build(List.of(row), bursts.subList(0, 1), List.of()).get(0).items().get(0).burst();
        assertEquals("2024-10-03", closed.end());
        assertFalse(closed.open());

        List<BurstRow> old = List.of(new BurstRow("entity", "per:a", "day", LocalDate.parse("2024-09-01"),
                LocalDate.parse("2024-09-24"), 1));
        assertNull(build(List.of(row), old, List.of()).get(0).items().get(0).burst(), "ended before the sparkline");
        List<BurstRow> otherKey = List.of(new BurstRow("pair", "per:a", "day", LAST_DAY, LAST_DAY, 1));
        assertNull(build(List.of(row), otherKey, List.of()).get(0).items().get(0).burst());
    }

    @Test
    void noLatestPeriodNoSection() {
        assertEquals(List.of(), RisingNow.build(Map.of(), List.of(), List.of(), List.of(), Map.of(), Map.of()));
        List<RisingPeriod> dayOnly = RisingNow.build(Map.of(Granularity.DAY, LAST_DAY), List.of(), List.of(), List.of(),
                Map.of(), Map.of());
        assertEquals(1, dayOnly.size());
        assertEquals(List.of(), dayOnly.get(0).items());
    }

    @Test
    void pairKeysSplitAtTheFirstSeparator() {
        assertEquals(List.of("a", "b"), RisingNow.entityIds("pair", "a|b"));
        assertEquals(List.of("a"), RisingNow.entityIds("entity", "a"));
        assertEquals(List.of("per:a", "loc:b"), RisingNow.entityIds(List.of(day("entity", "per:a", 1),
                day("pair", "loc:b|per:a", 1))));
    }
}
