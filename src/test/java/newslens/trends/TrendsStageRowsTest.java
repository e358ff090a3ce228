package newslens.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import newslens.table.Granularity;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** The plain-Java steps of {@link TrendsStage} between its shuffles: series from sorted rows, ranks. */
class TrendsStageRowsTest {

    private static InternalRow dayRow(String kind, int day, String key, long docs, long hash) {
        return new GenericInternalRow(new Object[] {UTF8String.fromString(kind), day, UTF8String.fromString(key), docs,
                hash});
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
        assertEquals(new TrendsStage.KeySeries("entity", "per:a",
                new TreeMap<>(Map.of(LocalDate.ofEpochDay(10), 2L, LocalDate.ofEpochDay(11), 1L))), series.get(0));
        assertEquals(new TrendsStage.KeySeries("pair", "loc:x|per:a",
                new TreeMap<>(Map.of(LocalDate.ofEpochDay(10), 3L, LocalDate.ofEpochDay(12), 1L))), series.get(1));
        assertEquals(new TrendsStage.KeySeries("entity", "per:b",
                new TreeMap<>(Map.of(LocalDate.ofEpochDay(7), 4L, LocalDate.ofEpochDay(14), 5L))), series.get(2));
    }

    @Test
    void aSeriesKeepsItsKeyWhenTheSorterRefillsTheRowItHandsOut() {
        // As Spark's sorter does: one row, its strings pointing into one buffer that the next row overwrites.
        List<InternalRow> rows = List.of(dayRow("pair", 10, "loc:x|per:a", 2, 3), dayRow("pair", 11, "loc:x|per:a", 1, 3),
                dayRow("pair", 10, "loc:y|per:b", 5, 4));
        byte[] buffer = new byte[64];
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
                byte[] kind = row.getUTF8String(0).getBytes();
                byte[] key = row.getUTF8String(2).getBytes();
                System.arraycopy(kind, 0, buffer, 0, kind.length);
                System.arraycopy(key, 0, buffer, 16, key.length);
                refilled.update(0, UTF8String.fromBytes(buffer, 0, kind.length));
                refilled.update(1, row.getInt(1));
                refilled.update(2, UTF8String.fromBytes(buffer, 16, key.length));
                refilled.update(3, row.getLong(3));
                refilled.update(4, row.getLong(4));
                return refilled;
            }
        };
        List<TrendsStage.KeySeries> series = new ArrayList<>();
        TrendsStage.series(sorter).forEachRemaining(series::add);

        assertEquals(List.of("loc:x|per:a", "loc:y|per:b"), series.stream().map(TrendsStage.KeySeries::key).toList());
        assertEquals(3L, series.get(0).days().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aWeekCountsTheArticlesOfItsDays() {
        // 1970-01-05 (day 4) is a Monday: days 4 to 10 are one week, day 11 starts the next
        TrendsStage.KeySeries series = new TrendsStage.KeySeries("entity", "per:a", new TreeMap<>(Map.of(
                LocalDate.ofEpochDay(3), 1L, LocalDate.ofEpochDay(4), 2L, LocalDate.ofEpochDay(10), 3L,
                LocalDate.ofEpochDay(11), 4L)));
        assertEquals(new TreeMap<>(Map.of(LocalDate.ofEpochDay(-3), 1L, LocalDate.ofEpochDay(4), 5L,
                LocalDate.ofEpochDay(11), 4L)), series.counts(Granularity.WEEK));
        assertEquals(series.days(), series.counts(Granularity.DAY));
    }

    @Test
    void ranksCountWithinEachGroupByScoreThenKey() {
        List<Row> sorted = List.of(
                scored("day", 5, "entity", "per:c", 1.0, 40),
                scored("day", 5, "entity", "per:a", 3.5, 40),
                scored("day", 5, "entity", "per:b", 1.0, 40),
                scored("week", 4, "entity", "per:a", -0.5, 36),
                scored("week", 4, "entity", "per:d", 2.0, 36));
        List<String> ranked = new ArrayList<>();
        Iterator<Row> rows = TrendsStage.rankWithinPeriod(sorted.iterator());
        rows.forEachRemaining(row -> ranked.add(row.getString(0) + " " + row.getString(3) + " " + row.getInt(8)));

        assertEquals(List.of("day per:a 1", "day per:b 2", "day per:c 3", "week per:d 1", "week per:a 2"), ranked);
    }

    private static Row scored(String granularity, int day, String kind, String key, double score, long group) {
        return RowFactory.create(granularity, day, kind, key, 1L, 0.0, 1.0, score, group);
    }
}
