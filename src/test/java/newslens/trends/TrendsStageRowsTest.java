package newslens.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import newslens.table.Granularity;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** The plain-Java steps of {@link TrendsStage} between its shuffles: series from sorted rows, ranks. */
class TrendsStageRowsTest {

    /** A day row as the series shuffle hands it out: (kind's place in entity, pair, topic, day, key, n_docs, hash). */
    private static InternalRow dayRow(String kind, int day, String key, long docs, long hash) {
        return new GenericInternalRow(new Object[] {List.of("entity", "pair", "topic").indexOf(kind), day,
                UTF8String.fromString(key), docs, hash});
    }

    @Test
    void seriesWhoseHashesCollideAreToldApart() {
        // Rows sorted by hash only: the two series sharing hash 7 come interleaved, as the sorter may leave them.
        List<InternalRow> rows = List.of(
                dayRow("entity", 10, "per:a", 2, 3),
                dayRow("entity", 11, "per:a", 1, 3),
                dayRow("pair", 12, "loc:x|per:a", 1, 7),
                dayRow("entity", 7, "per:b", 4, 7),
                dayRow("pair", 10, "loc:x|per:a", 3, 7),
                dayRow("entity", 14, "per:b", 5, 7));
        List<TrendsStage.KeySeries> series = new ArrayList<>();
        TrendsStage.series(rows.iterator()).forEachRemaining(series::add);

        assertEquals(3, series.size());
        assertEquals(new TrendsStage.KeySeries("entity", "per:a", days(Map.of(10, 2L, 11, 1L))), series.get(0));
        assertEquals(new TrendsStage.KeySeries("pair", "loc:x|per:a", days(Map.of(10, 3L, 12, 1L))), series.get(1));
        assertEquals(new TrendsStage.KeySeries("entity", "per:b", days(Map.of(7, 4L, 14, 5L))), series.get(2));
    }

    @Test
    void aSeriesKeepsItsKeyWhenTheSorterRefillsTheRowItHandsOut() {
        // As Spark's sorter does: one row, its strings pointing into one buffer that the next row overwrites.
        List<InternalRow> rows = List.of(dayRow("pair", 10, "loc:x|per:a", 2, 3), dayRow("pair", 11, "loc:x|per:a", 1, 3),
                dayRow("pair", 10, "loc:y|per:b", 5, 4));
        byte[] buffer = new byte[32];
        GenericInternalRow refilled = new GenericInternalRow(5);
        Iterator<InternalRow> source = rows.iterator();
        Iterator<InternalRow> sorter = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public InternalRow next() {
                InternalRow row = source.next();
                byte[] key = row.getUTF8String(2).getBytes();
                System.arraycopy(key, 0, buffer, 0, key.length);
                refilled.update(0, row.getInt(0));
                refilled.update(1, row.getInt(1));
                refilled.update(2, UTF8String.fromBytes(buffer, 0, key.length));
                refilled.update(3, row.getLong(3));
                refilled.update(4, row.getLong(4));
                return refilled;
            }
        };
        List<TrendsStage.KeySeries> series = new ArrayList<>();
        TrendsStage.series(sorter).forEachRemaining(series::add);

        assertEquals(List.of("loc:x|per:a", "loc:y|per:b"), series.stream().map(TrendsStage.KeySeries::key).toList());
        assertEquals(3L, series.get(0).days().total());
    }

    @Test
    void aWeekCountsTheArticlesOfItsDays() {
        // 1970-01-05 (day 4) is a Monday: days 4 to 10 are one week, day 11 starts the next
        TrendsStage.KeySeries series = new TrendsStage.KeySeries("entity", "per:a",
                days(Map.of(3, 1L, 4, 2L, 10, 3L, 11, 4L)));
        assertEquals(PeriodCounts.of(Granularity.WEEK, new TreeMap<>(Map.of(LocalDate.ofEpochDay(-3), 1L,
                LocalDate.ofEpochDay(4), 5L, LocalDate.ofEpochDay(11), 4L))), series.counts(Granularity.WEEK));
        assertEquals(series.days(), series.counts(Granularity.DAY));
    }

    @Test
    void aDayReadTwiceSumsItsArticles() {
        PeriodCounts counts = PeriodCounts.ofDays(new int[] {12, 10, 12, 99}, new long[] {1, 2, 5, 7}, 3);
        assertEquals(days(Map.of(10, 2L, 12, 6L)), counts);
    }

    /** Day since 1970 → articles, as the stage's series hold them. */
    private static PeriodCounts days(Map<Integer, Long> articles) {
        SortedMap<LocalDate, Long> byDate = new TreeMap<>();
        articles.forEach((day, n) -> byDate.put(LocalDate.ofEpochDay(day), n));
        return PeriodCounts.of(Granularity.DAY, byDate);
    }

    @Test
    void ranksCountWithinEachGroupByScoreThenKey() {
        List<InternalRow> sorted = List.of(
                // rank_group 40: day 5, entities (5 × 8); 36: the week starting on day 4 (4 × 8 + 4); 41: day 5, pairs
                scored("per:c", 1.0, 40),
                scored("per:a", 3.5, 40),
                scored("per:b", 1.0, 40),
                scored("per:a", -0.5, 36),
                scored("per:d", 2.0, 36),
                scored("per:a|per:b", 0.5, 41));
        List<String> ranked = new ArrayList<>();
        Iterator<InternalRow> rows = TrendsStage.rankWithinPeriod(sorted.iterator());
        rows.forEachRemaining(row -> ranked.add(row.getUTF8String(0) + " " + row.getInt(1) + " " + row.getUTF8String(2)
                + " " + row.getUTF8String(3) + " " + row.getInt(8)));

        assertEquals(List.of("day 5 entity per:a 1", "day 5 entity per:b 2", "day 5 entity per:c 3",
                "week 4 entity per:d 1", "week 4 entity per:a 2", "day 5 pair per:a|per:b 1"), ranked);
    }

    /** A scored row before its rank: (key, n_docs, baseline_mean, baseline_sd, score, rank_group). */
    private static InternalRow scored(String key, double score, long group) {
        return new GenericInternalRow(new Object[] {UTF8String.fromString(key), 1L, 0.0, 1.0, score, group});
    }
}
