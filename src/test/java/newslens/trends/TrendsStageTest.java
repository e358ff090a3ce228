package newslens.trends;

import newslens.StageRuns;
import newslens.app.JobConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import newslens.SparkTestSession;
import newslens.pipeline.StageContext;
import newslens.table.Granularity;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendsStageTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 3, 4);   // a Monday
    private static final int DAYS = 84;
    private static final int SPLIT = 56;
    /** Entity B surges on these days. */
    private static final int SURGE_FROM = 63;
    private static final int SURGE_TO = 67;

    /** One counted article: its day and the entities in it (the pair counts come from the same list). */
    private record Doc(int day, List<String> entities, int topic) {}

    private static final List<Doc> DOCS = new ArrayList<>();

    @TempDir
    Path tmp;

    private final SparkSession spark = SparkTestSession.get();

    @BeforeAll
    static void corpus() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int day = 0; day < DAYS; day++) {
            boolean weekend = FIRST.plusDays(day).getDayOfWeek().getValue() >= 6;
            int articles = weekend ? 12 : 25;
            for (int i = 0; i < articles; i++) {
                List<String> entities = new ArrayList<>();
                if (rng.nextDouble() < 0.4) {
                    entities.add("A");
                }
                boolean surge = day >= SURGE_FROM && day <= SURGE_TO;
                if (rng.nextDouble() < (surge ? 0.5 : 0.04)) {
                    entities.add("B");
                }
                if (rng.nextDouble() < 0.15) {
                    entities.add("C");
                }
                if (day == 30 && i == 0) {
                    entities.add("rare");   // one article in all: below the support
                }
                DOCS.add(new Doc(day, entities, rng.nextInt(3)));
            }
        }
    }

    @Test
    void scoresAgreeWithThePlainJavaPathAndBurstsAreFound() {
        OutputLayout layout = layout("one");
        writeInputs(layout, DAYS);
        TrendsStage.Result result = run(layout);
        assertTrue(result.topicsIncluded());
        assertTrue(result.trendRows() > 0 && result.burstRows() > 0, result.summary());

        // the same scores from entity_frequency's own rows, without Spark
        SortedMap<LocalDate, Long> dailyA = new TreeMap<>();
        for (Row row : spark.read().parquet(layout.table(Tables.ENTITY_FREQUENCY))
                .filter("granularity = 'day' and entity_id = 'A'").collectAsList()) {
            dailyA.put(row.<Date>getAs("period_start").toLocalDate(), row.<Long>getAs("n_docs"));
        }
        Map<LocalDate, TrendScorer.Score> expected = new TreeMap<>();
        for (TrendScorer.Score score : new TrendScorer(Granularity.DAY, 28, 1.0).score(FIRST, dailyA)) {
            expected.put(score.periodStart(), score);
        }
        List<Row> written = spark.read().parquet(layout.table(Tables.TRENDS))
                .filter("granularity = 'day' and kind = 'entity' and key = 'A'").collectAsList();
        assertEquals(expected.size(), written.size());
        for (Row row : written) {
            TrendScorer.Score score = expected.get(row.<Date>getAs("period_start").toLocalDate());
            assertEquals(score.nDocs(), row.<Long>getAs("n_docs"));
            assertEquals(score.baselineMean(), row.<Double>getAs("baseline_mean"), 1e-9);
            assertEquals(score.baselineSd(), row.<Double>getAs("baseline_sd"), 1e-9);
            assertEquals(score.score(), row.<Double>getAs("score"), 1e-9);
        }

        // a pair's days with one article get no row, but make the baseline of those that have one
        SortedMap<LocalDate, Long> dailyAC = new TreeMap<>();
        for (Row row : spark.read().parquet(layout.table(Tables.COOCCURRENCE)).filter(
                "granularity = 'day' and scope = 'document' and entity_a = 'A' and entity_b = 'C'").collectAsList()) {
            dailyAC.put(row.<Date>getAs("period_start").toLocalDate(), row.<Long>getAs("n_docs"));
        }
        assertTrue(dailyAC.containsValue(1L) && dailyAC.values().stream().anyMatch(n -> n >= 2), dailyAC.toString());
        LocalDate supported = null;
        long seen = 0;
        for (Map.Entry<LocalDate, Long> day : dailyAC.entrySet()) {
            seen += day.getValue();
            if (seen >= 5 && supported == null) {
                supported = day.getKey();
            }
        }
        Map<LocalDate, TrendScorer.Score> expectedAC = new TreeMap<>();
        for (TrendScorer.Score score : new TrendScorer(Granularity.DAY, 28, 1.0).score(FIRST, dailyAC)) {
            if (score.nDocs() >= 2 && !score.periodStart().isBefore(supported)) {
                expectedAC.put(score.periodStart(), score);
            }
        }
        Map<LocalDate, Double> writtenAC = new TreeMap<>();
        for (Row row : spark.read().parquet(layout.table(Tables.TRENDS))
                .filter("granularity = 'day' and kind = 'pair' and key = 'A|C'").collectAsList()) {
            writtenAC.put(row.<Date>getAs("period_start").toLocalDate(), row.<Double>getAs("score"));
        }
        assertEquals(expectedAC.keySet(), writtenAC.keySet());
        expectedAC.forEach((day, score) -> assertEquals(score.score(), writtenAC.get(day), 1e-9, day.toString()));

        Dataset<Row> trends = spark.read().parquet(layout.table(Tables.TRENDS));
        assertEquals(0, trends.filter("key = 'rare'").count(), "below the support");
        assertEquals(0, trends.filter("kind = 'pair' and key = 'A|X'").count(), "sentence-scope rows are not read");
        assertTrue(trends.filter("kind = 'pair' and key = 'A|B'").count() > 0);
        assertTrue(trends.filter("kind = 'topic' and key = '1'").count() > 0);
        assertTrue(trends.filter("granularity = 'week'").count() > 0);
        // rank 1 is the highest score of its period and kind
        Row top = trends.filter("granularity = 'day' and kind = 'entity' and period_start = '2024-05-07'")
                .orderBy(org.apache.spark.sql.functions.col("score").desc()).first();
        assertEquals(1, top.<Integer>getAs("rank"));
        assertEquals("B", top.<String>getAs("key"), "B surges from 2024-05-06");

        List<Row> surge = spark.read().parquet(layout.table(Tables.BURSTS))
                .filter("kind = 'entity' and key = 'B' and granularity = 'day' and level = 1").collectAsList();
        assertEquals(1, surge.size(), surge.toString());
        LocalDate start = surge.get(0).<Date>getAs("start").toLocalDate();
        assertTrue(Math.abs(start.toEpochDay() - FIRST.plusDays(SURGE_FROM).toEpochDay()) <= 1, "burst starts " + start);
        assertFalse(spark.read().parquet(layout.table(Tables.BURSTS)).filter("key = 'C'").count() > 0,
                "C is quiet");
    }

    @Test
    void aRunAfterNewDaysEqualsOneRunOverAllOfThemAndARerunChangesNothing() {
        OutputLayout incremental = layout("incremental");
        writeInputs(incremental, SPLIT);
        run(incremental);
        List<String> trendsBefore = rows(incremental, Tables.TRENDS);
        writeInputs(incremental, DAYS);
        run(incremental);
        List<String> trendsThen = rows(incremental, Tables.TRENDS);
        List<String> burstsThen = rows(incremental, Tables.BURSTS);

        OutputLayout once = layout("once");
        writeInputs(once, DAYS);
        run(once);
        assertEquals(rows(once, Tables.TRENDS), trendsThen);
        assertEquals(rows(once, Tables.BURSTS), burstsThen);
        // no look-ahead: the new weeks changed no row of the periods before them (SPLIT is a Monday)
        List<String> earlier = spark.read().parquet(incremental.table(Tables.TRENDS))
                .filter(org.apache.spark.sql.functions.col("period_start").lt(Date.valueOf(FIRST.plusDays(SPLIT))))
                .collectAsList().stream().map(Row::toString).sorted().toList();
        assertEquals(trendsBefore, earlier);

        run(incremental);
        assertEquals(trendsThen, rows(incremental, Tables.TRENDS));
        assertEquals(burstsThen, rows(incremental, Tables.BURSTS));
    }

    @Test
    void optionsNameTheBadValue() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrendsStage.Options(3, 8, 1.0, 5, 2, 3.0, 1.5, 3, 0.01));
        assertTrue(e.getMessage().startsWith("trends.dayWindow must be"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrendsStage.Options(28, 8, 1.0, 5, 2, 1.0, 1.5, 3, 0.01));
        assertTrue(e.getMessage().contains("trends.burstScale") && e.getMessage().endsWith("got 1.0"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrendsStage.Options(28, 8, 1.0, 5, 2, 3.0, 1.5, 3, 1.0));
        assertTrue(e.getMessage().contains("trends.burstFalseRate") && e.getMessage().endsWith("got 1.0"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrendsStage.Options(28, 8, 1.0, 5, 0, 3.0, 1.5, 3, 0.1));
        assertTrue(e.getMessage().contains("trends.minPairDocs") && e.getMessage().endsWith("got 0"), e.getMessage());
    }

    private OutputLayout layout(String name) {
        return new OutputLayout(tmp.resolve(name).toString(), "t", spark.sparkContext().hadoopConfiguration());
    }

    private TrendsStage.Result run(OutputLayout layout) {
        return StageRuns.execute(new TrendsStage(JobConfig.load(null).trends()), layout);
    }

    private List<String> rows(OutputLayout layout, String table) {
        return spark.read().parquet(layout.table(table)).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /** The input tables as the earlier stages would publish them after articles of days [0, days). */
    private void writeInputs(OutputLayout layout, int days) {
        List<Row> articles = new ArrayList<>();
        Map<List<Object>, Long> entityDocs = new TreeMap<>(TrendsStageTest::compareKeys);
        Map<List<Object>, Long> pairDocs = new TreeMap<>(TrendsStageTest::compareKeys);
        Map<List<Object>, Long> topicDocs = new TreeMap<>(TrendsStageTest::compareKeys);
        int n = 0;
        for (Doc doc : DOCS) {
            if (doc.day() >= days) {
                continue;
            }
            LocalDate date = FIRST.plusDays(doc.day());
            articles.add(article("d" + n++, date, null));
            for (Granularity g : List.of(Granularity.DAY, Granularity.WEEK, Granularity.MONTH)) {
                String period = g.periodStart(date).toString();
                for (String entity : doc.entities()) {
                    entityDocs.merge(List.of(g.code(), period, entity), 1L, Long::sum);
                }
                for (int i = 0; i < doc.entities().size(); i++) {
                    for (int j = i + 1; j < doc.entities().size(); j++) {
                        pairDocs.merge(List.of(g.code(), period, doc.entities().get(i), doc.entities().get(j)), 1L,
                                Long::sum);
                    }
                }
                topicDocs.merge(List.of(g.code(), period, doc.topic()), 1L, Long::sum);
            }
        }
        // a duplicate and an undated article: not counted articles
        articles.add(article("copy", FIRST, "d0"));
        articles.add(article("undated", null, null));

        List<Row> frequency = new ArrayList<>();
        entityDocs.forEach((k, v) -> frequency.add(RowFactory.create(k.get(0), Date.valueOf((String) k.get(1)),
                k.get(2), v, v)));
        frequency.add(RowFactory.create("all", null, "A", 999L, 999L));
        List<Row> pairs = new ArrayList<>();
        pairDocs.forEach((k, v) -> pairs.add(RowFactory.create(k.get(0), Date.valueOf((String) k.get(1)), "document",
                k.get(2), k.get(3), v, v, 0.5)));
        for (int day = 0; day < days; day++) {
            pairs.add(RowFactory.create("day", Date.valueOf(FIRST.plusDays(day)), "sentence", "A", "X", 9L, 9L, 0.5));
        }
        List<Row> topics = new ArrayList<>();
        topicDocs.forEach((k, v) -> topics.add(RowFactory.create(k.get(0), Date.valueOf((String) k.get(1)),
                k.get(2), v, v * 0.8)));
        write(layout, Tables.ARTICLES, articles, Tables.ARTICLES_SCHEMA);
        write(layout, Tables.ENTITY_FREQUENCY, frequency, Tables.ENTITY_FREQUENCY_SCHEMA);
        write(layout, Tables.COOCCURRENCE, pairs, Tables.COOCCURRENCE_SCHEMA);
        write(layout, Tables.TOPIC_FREQUENCY, topics, Tables.TOPIC_FREQUENCY_SCHEMA);
    }

    private void write(OutputLayout layout, String name, List<Row> rows, StructType schema) {
        layout.writeTable(name, spark.createDataFrame(rows, schema).coalesce(1), schema);
    }

    @SuppressWarnings("unchecked")
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable<Object>) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static Row article(String docId, LocalDate date, String duplicateOf) {
        return RowFactory.create(docId, "in/" + docId + ".txt", "h" + docId, null, "text", null, null, null, null,
                date == null ? null : Date.valueOf(date), date == null ? null : "header", 1.0, duplicateOf,
                duplicateOf == null ? null : "exact", duplicateOf == null ? null : 1.0, 4, "t");
    }

}
