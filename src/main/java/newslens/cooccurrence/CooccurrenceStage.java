package newslens.cooccurrence;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import newslens.io.Granularity;
import newslens.io.Columns;
import newslens.io.OutputLayout;
import newslens.io.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Stage {@code cooccurrence}: tables {@code articles} + {@code mentions} → {@code entity_frequency}
 * and {@code cooccurrence}, per granularity (all, day, week, month) and, for pairs, per scope
 * (sentence, document). Everything is a distributed aggregation; no mention reaches the driver.
 *
 * <p>Counting rules: a duplicate group counts once (only articles with a null {@code duplicate_of}
 * are read); undated articles count only under {@code all}; a window (sentence or article) keeps
 * at most {@code maxEntitiesPerWindow} entities, its most mentioned, so an article listing 200 names
 * adds a bounded number of pairs; a pair is written only when it is seen in at least
 * {@code minPairDocs} articles over all time; npmi's window total is the number of windows holding at least one
 * entity in that period and scope.
 */
public final class CooccurrenceStage {

    /** Options of the stage, validated up front. */
    public record Options(int maxEntitiesPerWindow, long minPairDocs) {
        public Options {
            if (maxEntitiesPerWindow < 2) {
                throw new IllegalArgumentException(
                        "cooccurrence.maxEntitiesPerWindow must be at least 2, got " + maxEntitiesPerWindow);
            }
            if (minPairDocs < 1) {
                throw new IllegalArgumentException("cooccurrence.minPairDocs must be at least 1, got " + minPairDocs);
            }
        }
    }

    /** What the stage wrote. */
    public record Result(long entityFrequencyRows, long cooccurrenceRows) {}

    private static final String NPMI_UDF = "newslens_npmi";

    private final SparkSession spark;
    private final Options options;
    private final OutputLayout layout;

    public CooccurrenceStage(SparkSession spark, Options options, OutputLayout layout) {
        this.spark = spark;
        this.options = options;
        this.layout = layout;
    }

    public Result execute() {
        spark.udf().register(NPMI_UDF, (UDF4<Long, Long, Long, Long, Double>) Npmi::of, DataTypes.DoubleType);
        describe("cooccurrence: entities per sentence and per article");
        Dataset<Row> windowEntities = windowEntities().persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> capped = cap(windowEntities).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            describe("cooccurrence: write table entity_frequency");
            layout.writeTable(Tables.ENTITY_FREQUENCY, entityFrequency(windowEntities),
                    Tables.ENTITY_FREQUENCY_SCHEMA);
            describe("cooccurrence: count pairs and write table cooccurrence");
            layout.writeTable(Tables.COOCCURRENCE, cooccurrence(capped), Tables.COOCCURRENCE_SCHEMA);
        } finally {
            capped.unpersist();
            windowEntities.unpersist();
        }
        describe("cooccurrence: count what was written");
        return new Result(spark.read().parquet(layout.table(Tables.ENTITY_FREQUENCY)).count(),
                spark.read().parquet(layout.table(Tables.COOCCURRENCE)).count());
    }

    /**
     * One row per (scope, window, entity) with the entity's mentions in that window, for the
     * articles that count: one per duplicate group.
     */
    private Dataset<Row> windowEntities() {
        Dataset<Row> counted = spark.read().parquet(layout.table(Tables.ARTICLES))
                .filter(col("duplicate_of").isNull())
                .select("doc_id", "published_date");
        Dataset<Row> mentions = spark.read().parquet(layout.table(Tables.MENTIONS))
                .select("doc_id", "sentence", "entity_id")
                .join(counted, "doc_id");
        Dataset<Row> bySentence = mentions.withColumn("scope", lit("sentence"))
                .withColumn("window", concat_ws("#", col("doc_id"), col("sentence").cast("string")));
        Dataset<Row> byDocument = mentions.withColumn("scope", lit("document"))
                .withColumn("window", col("doc_id"));
        return bySentence.unionByName(byDocument)
                .groupBy("scope", "window", "doc_id", "published_date", "entity_id")
                .agg(count(lit(1)).as("n_mentions"));
    }

    /** At most maxEntitiesPerWindow entities per window: the most mentioned, ties by id. */
    private Dataset<Row> cap(Dataset<Row> windowEntities) {
        return windowEntities
                .withColumn("rank", row_number().over(Window.partitionBy("scope", "window")
                        .orderBy(col("n_mentions").desc(), col("entity_id"))))
                .filter(col("rank").leq(options.maxEntitiesPerWindow()))
                .drop("rank");
    }

    /** Document scope has one row per (article, entity): counting rows counts articles. */
    private Dataset<Row> entityFrequency(Dataset<Row> windowEntities) {
        return withPeriods(windowEntities.filter(col("scope").equalTo("document")))
                .groupBy("granularity", "period_start", "entity_id")
                .agg(count(lit(1)).as("n_docs"), sum("n_mentions").as("n_mentions"));
    }

    /** Pairs are formed inside each window first, then counted per period: no join across windows. */
    private Dataset<Row> cooccurrence(Dataset<Row> capped) {
        // period_start is null under "all", and null never equals null in a join: join on period_key.
        String[] joinKey = {"scope", "granularity", "period_key"};
        Dataset<Row> windows = withPeriods(capped.select("scope", "window", "published_date").distinct())
                .groupBy(Columns.named(joinKey)).agg(count(lit(1)).as("n_windows_total"));
        Dataset<Row> entityWindows = withPeriods(capped).groupBy(Columns.named(joinKey, "entity_id"))
                .agg(count(lit(1)).as("n_windows_entity"));
        Dataset<Row> a = capped.select(col("scope"), col("window"), col("doc_id"), col("published_date"),
                col("entity_id").as("entity_a"));
        Dataset<Row> b = capped.select(col("scope"), col("window"), col("entity_id").as("entity_b"));
        Dataset<Row> pairsInWindows = a.join(b, Columns.joinKeys("scope", "window"), "inner")
                .filter(col("entity_a").lt(col("entity_b")));
        // A pair's windows are summed per article first: then an article is one row, and counting
        // articles per period needs no distinct count (a second, wider shuffle).
        Dataset<Row> pairsInArticles = pairsInWindows
                .groupBy("scope", "doc_id", "published_date", "entity_a", "entity_b")
                .agg(count(lit(1)).as("n_windows"));
        Dataset<Row> allPairs = withPeriods(pairsInArticles)
                .groupBy(Columns.named(joinKey, "period_start", "entity_a", "entity_b"))
                .agg(sum("n_windows").as("n_windows"), count(lit(1)).as("n_docs"));
        // Support is judged over all time, so a pair that passes keeps every one of its period rows
        // (a weekly timeline has no holes), and a pair seen in fewer articles is not written at all.
        Dataset<Row> supported = allPairs
                .filter(col("granularity").equalTo(Granularity.ALL.code()).and(col("n_docs").geq(options.minPairDocs())))
                .select("scope", "entity_a", "entity_b");
        Dataset<Row> pairs = allPairs.join(supported, Columns.joinKeys("scope", "entity_a", "entity_b"),
                "left_semi");
        return pairs
                .join(windows, Columns.joinKeys(joinKey), "inner")
                .join(entityWindows.withColumnRenamed("entity_id", "entity_a")
                        .withColumnRenamed("n_windows_entity", "n_windows_a"),
                        Columns.joinKeys(joinKey, "entity_a"), "inner")
                .join(entityWindows.withColumnRenamed("entity_id", "entity_b")
                        .withColumnRenamed("n_windows_entity", "n_windows_b"),
                        Columns.joinKeys(joinKey, "entity_b"), "inner")
                .withColumn("npmi", callUDF(NPMI_UDF, col("n_windows"), col("n_windows_a"), col("n_windows_b"),
                        col("n_windows_total")));
    }

    /**
     * Each row once under {@code all} and, when its article is dated, once per day, ISO week
     * (Monday) and month; {@code period_start} is the first day of the period.
     */
    public static Dataset<Row> withPeriods(Dataset<Row> rows) {
        Column date = col("published_date");
        Column periods = array(
                period(Granularity.ALL, lit(null).cast("date")),
                period(Granularity.DAY, date),
                period(Granularity.WEEK, to_date(date_trunc("week", date))),
                period(Granularity.MONTH, to_date(date_trunc("month", date))));
        return rows.withColumn("period", explode(periods))
                .filter(col("period.granularity").equalTo(Granularity.ALL.code()).or(date.isNotNull()))
                .withColumn("granularity", col("period.granularity"))
                .withColumn("period_start", col("period.period_start"))
                .withColumn("period_key", org.apache.spark.sql.functions.coalesce(
                        col("period_start").cast("string"), lit(Granularity.ALL.code())))
                .drop("period");
    }

    private static Column period(Granularity granularity, Column start) {
        return struct(lit(granularity.code()).as("granularity"), start.as("period_start"));
    }

    private void describe(String what) {
        spark.sparkContext().setJobDescription(what);
    }

}
