package newslens.cooccurrence;

import newslens.StageRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import newslens.SparkTestSession;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CooccurrenceStageTest {

    @TempDir
    Path tmp;

    private SparkSession spark;
    private OutputLayout layout;

    @BeforeEach
    void tables() {
        spark = SparkTestSession.get();
        layout = new OutputLayout(tmp.toString(), "t", spark.sparkContext().hadoopConfiguration());
        List<Row> articles = List.of(
                article("d1", "2024-10-07", null),   // Monday of ISO week 41
                article("d2", "2024-10-13", null),   // Sunday: same week as d1
                article("d3", "2024-11-02", null),
                article("d1-copy", "2024-10-07", "d1"),
                article("undated", null, null));
        List<Row> mentions = new ArrayList<>();
        // d1: A and B in sentence 0, C alone in sentence 1
        mentions.add(mention("d1", 0, "A"));
        mentions.add(mention("d1", 0, "B"));
        mentions.add(mention("d1", 1, "C"));
        mentions.add(mention("d1", 1, "A"));
        // d2: A, B in different sentences
        mentions.add(mention("d2", 0, "A"));
        mentions.add(mention("d2", 1, "B"));
        // d3: B, C together
        mentions.add(mention("d3", 0, "B"));
        mentions.add(mention("d3", 0, "C"));
        // the duplicate repeats d1 and must not count
        mentions.add(mention("d1-copy", 0, "A"));
        mentions.add(mention("d1-copy", 0, "B"));
        // the undated article: A and B
        mentions.add(mention("undated", 0, "A"));
        mentions.add(mention("undated", 0, "B"));
        spark.createDataFrame(articles, Tables.ARTICLES_SCHEMA).write().parquet(layout.table(Tables.ARTICLES));
        spark.createDataFrame(mentions, Tables.MENTIONS_SCHEMA).write().parquet(layout.table(Tables.MENTIONS));
    }

    @Test
    void countsPerPeriodAndScopeWithNpmi() {
        StageRuns.execute(new CooccurrenceStage(new CooccurrenceStage.Options(50, 1)), layout, false);

        // A-B, document scope, all: d1, d2, undated = 3 of 4 articles; A in 3, B in 4
        Row all = pair("all", null, "document", "A", "B");
        assertEquals(3L, all.<Long>getAs("n_docs"));
        assertEquals(3L, all.<Long>getAs("n_windows"));
        assertEquals(Npmi.of(3, 3, 4, 4), all.<Double>getAs("npmi"), 1e-12);

        // sentence scope, all: A-B together in d1#0 and undated#0; windows with an entity:
        // d1#0, d1#1, d2#0, d2#1, d3#0, undated#0 = 6; A in d1#0, d1#1, d2#0, undated#0 = 4; B in 4
        Row sentences = pair("all", null, "sentence", "A", "B");
        assertEquals(2L, sentences.<Long>getAs("n_windows"));
        assertEquals(Npmi.of(2, 4, 4, 6), sentences.<Double>getAs("npmi"), 1e-12);

        // week of 2024-10-07 holds d1 and d2 (the duplicate and the undated article do not count)
        Row week = pair("week", "2024-10-07", "document", "A", "B");
        assertEquals(2L, week.<Long>getAs("n_docs"));
        assertEquals(1.0, week.<Double>getAs("npmi"), 1e-12, "A and B in every article of that week");
        assertEquals(1L, pair("month", "2024-11-01", "document", "B", "C").<Long>getAs("n_docs"));
        assertEquals(0, rows(Tables.COOCCURRENCE, "granularity = 'day' AND period_start IS NULL").size(),
                "undated articles count only under all");

        Row frequency = rows(Tables.ENTITY_FREQUENCY, "granularity = 'all' AND entity_id = 'A'").get(0);
        assertEquals(3L, frequency.<Long>getAs("n_docs"));
        assertEquals(4L, frequency.<Long>getAs("n_mentions"), "d1 twice, d2, undated; not the duplicate");
        assertEquals(2L, rows(Tables.ENTITY_FREQUENCY,
                "granularity = 'week' AND period_start = DATE'2024-10-07' AND entity_id = 'A'").get(0)
                .<Long>getAs("n_docs"));
    }

    @Test
    void minimumSupportAndTheCapBoundThePairs() {
        StageRuns.execute(new CooccurrenceStage(new CooccurrenceStage.Options(50, 2)), layout, false);
        assertTrue(rows(Tables.COOCCURRENCE, "granularity = 'all' AND n_docs < 2").isEmpty());
        assertEquals(1, rows(Tables.COOCCURRENCE, "granularity = 'month' AND scope = 'document' "
                + "AND entity_a = 'B' AND entity_b = 'C' AND period_start = DATE'2024-11-01'").size(),
                "a supported pair keeps its rows in periods where it was seen once");
        assertEquals(2, rows(Tables.COOCCURRENCE, "granularity = 'all' AND scope = 'document'").size(),
                "A-B (d1, d2, undated) and B-C (d1, d3) are seen in two articles; A-C only in d1");

        StageRuns.execute(new CooccurrenceStage(new CooccurrenceStage.Options(2, 1)), layout, false);
        // d1 has A (2 mentions), B, C: with a cap of 2 it keeps A and B (B before C by id)
        assertTrue(rows(Tables.COOCCURRENCE, "scope = 'document' AND granularity = 'day' "
                + "AND period_start = DATE'2024-10-07' AND entity_b = 'C'").isEmpty());
    }

    private Row pair(String granularity, String periodStart, String scope, String a, String b) {
        String period = periodStart == null ? "period_start IS NULL" : "period_start = DATE'" + periodStart + "'";
        List<Row> found = rows(Tables.COOCCURRENCE, "granularity = '" + granularity + "' AND " + period
                + " AND scope = '" + scope + "' AND entity_a = '" + a + "' AND entity_b = '" + b + "'");
        assertEquals(1, found.size(), "one row for " + a + "-" + b + " " + granularity + " " + periodStart);
        return found.get(0);
    }

    private List<Row> rows(String table, String where) {
        return spark.read().parquet(layout.table(table)).filter(where).collectAsList();
    }

    private static Row article(String id, String date, String duplicateOf) {
        return RowFactory.create(id, id + ".txt", "h-" + (duplicateOf == null ? id : duplicateOf), "t", "text",
                null, null, null, null, date == null ? null : Date.valueOf(date), date == null ? null : "header",
                date == null ? 0.0 : 0.95, duplicateOf,
                duplicateOf == null ? null : "exact", duplicateOf == null ? null : 1.0, 4, "r");
    }

    private static Row mention(String doc, int sentence, String entity) {
        return RowFactory.create(doc, "text", sentence, 0, 1, entity, entity, "PER", "kb", 1.0, entity);
    }
}
