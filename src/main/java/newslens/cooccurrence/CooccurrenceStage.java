package newslens.cooccurrence;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import newslens.cooccurrence.PeriodCounter.Kind;
import newslens.pipeline.Stage;
import newslens.pipeline.StageContext;
import newslens.pipeline.StageResult;
import newslens.table.Changes;
import newslens.table.Columns;
import newslens.table.CountedArticles;
import newslens.table.Periods;
import newslens.table.Granularity;
import newslens.table.Tables;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
 *
 * <p>Incremental: the counts are kept per <em>base period</em> (day, week and month of dated articles,
 * and one {@code undated} bucket), unfiltered, in three state tables; {@code all} is their sum over months
 * and the undated bucket, since every article is in exactly one of those. A run compares what it counts
 * ({@code aggregated}: each counted article's content, recogniser version and date) with the previous
 * run's, recounts only the base periods of articles that appeared, changed, moved or disappeared,
 * keeps the other periods' rows, and derives both published tables from the state, as written in this
 * stage (kept in memory, not read back). {@code --full} recounts everything.
 */
public final class CooccurrenceStage implements Stage {

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

    /** What the stage wrote; {@code periodsRecounted} base periods were counted again (all of them when full). */
    public record Result(long entityFrequencyRows, long cooccurrenceRows, long periodsRecounted)
            implements StageResult {
        @Override
        public String summary() {
            return String.format("cooccurrence: %d entity_frequency rows, %d cooccurrence rows",
                    entityFrequencyRows, cooccurrenceRows);
        }
    }

    /**
     * {@link PeriodCounter.Count} as a row, the period's first day as days since 1970 (no date objects
     * per row); {@code complete} false: to be summed with the other parts of its period.
     */
    private static final StructType PERIOD_COUNTS = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("scope", DataTypes.StringType, false)
            .add("granularity", DataTypes.StringType, false)
            .add("period_day", DataTypes.IntegerType)
            .add("entity_a", DataTypes.StringType)
            .add("entity_b", DataTypes.StringType)
            .add("n_windows", DataTypes.LongType, false)
            .add("n_docs", DataTypes.LongType, false)
            .add("n_mentions", DataTypes.LongType, false)
            .add("complete", DataTypes.BooleanType, false);
    private static final Column EPOCH = lit("1970-01-01").cast("date");
    /** Base period of undated articles: it feeds {@code all} only. */
    private static final String UNDATED = Periods.UNDATED;
    private static final String[] PERIOD = {"granularity", "period_start"};

    private final Options options;

    public CooccurrenceStage(Options options) {
        this.options = options;
    }

    /** readsIfPresent: the recogniser version of each article, so a changed recogniser recounts its periods. */
    @Override
    public Signature signature() {
        return new Signature("cooccurrence", List.of(Tables.ARTICLES, Tables.MENTIONS), List.of(Tables.RECOGNISED),
                List.of(Tables.FREQUENCY_STATE, Tables.WINDOW_STATE, Tables.PAIR_STATE, Tables.ENTITY_FREQUENCY,
                        Tables.COOCCURRENCE, Tables.AGGREGATED));
    }

    @Override
    public Result execute(StageContext context) {
        return new Execution(context).execute();
    }

    /** One execution: count what changed per base period, update the state, derive the published tables. */
    private final class Execution {
        private final StageContext context;
        private final SparkSession spark;

        Execution(StageContext context) {
            this.context = context;
            this.spark = context.spark();
        }

        Result execute() {
            Dataset<Row> counted = countedArticles();
            Dataset<Row> recount = periodsToRecount(counted);
            long periodsRecounted = recount == null ? -1 : recount.count();

            context.describe("count each article's windows and pairs per base period");
            Dataset<Row> scope = recount == null ? counted : articlesIn(counted, recount);
            Dataset<Row> counts = periodCounts(scope).persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> frequencyState;
            Dataset<Row> windowState;
            Dataset<Row> pairState;
            try {
                Dataset<Row> state = wholePeriods(counts);
                context.describe("write the state");
                frequencyState = updateState(Tables.FREQUENCY_STATE, ofKind(state, Kind.FREQUENCY), recount);
                windowState = updateState(Tables.WINDOW_STATE, ofKind(state, Kind.WINDOWS), recount);
                pairState = updateState(Tables.PAIR_STATE, ofKind(state, Kind.PAIRS), recount);
            } finally {
                counts.unpersist();
            }
            context.describe("write table entity_frequency");
            context.write(Tables.ENTITY_FREQUENCY, entityFrequency(frequencyState));
            context.describe("write table cooccurrence");
            context.write(Tables.COOCCURRENCE, cooccurrence(pairState, windowState));
            // Last: a run killed before this point recounts the same periods (or more) next time.
            context.describe("write state aggregated");
            context.write(Tables.AGGREGATED, counted);

            context.describe("count the base periods");
            long allPeriods = periodsRecounted >= 0 ? periodsRecounted
                    : frequencyState.select(PERIOD[0], PERIOD[1]).distinct().count();
            context.release(frequencyState);
            context.release(windowState);
            context.release(pairState);
            return new Result(context.rowsWritten(Tables.ENTITY_FREQUENCY), context.rowsWritten(Tables.COOCCURRENCE),
                    allPeriods);
        }

        /**
         * One row per counted article (one per duplicate group): what its counts depend on, the window cap
         * included (the state holds capped counts; the support minimum is applied later). The recogniser
         * version is null when {@code recognised} is absent (tables written by hand or by an older version).
         */
        private Dataset<Row> countedArticles() {
            Dataset<Row> articles = CountedArticles.of(context.table(Tables.ARTICLES))
                    .select("doc_id", "content_hash", "published_date");
            Dataset<Row> versions = context.tableIfPresent(Tables.RECOGNISED)
                    .map(recognised -> recognised.select("doc_id", "recognizer_version"))
                    .orElse(articles.select(col("doc_id"), lit(null).cast("string").as("recognizer_version")).limit(0));
            return articles.join(versions, Columns.joinKeys("doc_id"), "left")
                    .withColumn("counting", lit("maxEntitiesPerWindow=" + options.maxEntitiesPerWindow()))
                    .select(Columns.of(Tables.AGGREGATED_SCHEMA));
        }

        /**
         * The base periods to count again, as (granularity, period_start, period_key) rows: those of every
         * article in this run's or the previous run's {@code aggregated} but not in both, identically. Null
         * when everything is counted (first run, {@code full}, or state missing).
         */
        private Dataset<Row> periodsToRecount(Dataset<Row> counted) {
            boolean stateComplete = Stream.of(Tables.AGGREGATED, Tables.FREQUENCY_STATE, Tables.WINDOW_STATE,
                    Tables.PAIR_STATE).allMatch(table -> context.published(table).isPresent());
            if (context.full() || !stateComplete) {
                return null;
            }
            Dataset<Row> previous = context.published(Tables.AGGREGATED).orElseThrow()
                    .select(Columns.of(Tables.AGGREGATED_SCHEMA));
            Dataset<Row> changed = Changes.differences(counted, previous);
            return Periods.basePeriods(changed.select("published_date")).select("granularity", "period_start", "period_key")
                    .distinct();
        }

        /** The counted articles in any of the given base periods: all the articles those periods' counts need. */
        private static Dataset<Row> articlesIn(Dataset<Row> counted, Dataset<Row> periods) {
            Dataset<Row> keys = periods.select("period_key").distinct();
            return Periods.basePeriods(counted).join(broadcast(keys), Columns.joinKeys("period_key"), "left_semi")
                    .select(Columns.of(Tables.AGGREGATED_SCHEMA)).distinct();
        }

        /**
         * The counts of the given articles per base period, as rows of {@link #PERIOD_COUNTS}. The mentions
         * are spread over partitions by ranges of dates and sorted by date and article, so each partition
         * streams its articles through a {@link PeriodCounter}, which holds only the periods in progress;
         * only the periods cut by a partition boundary are summed by Spark.
         */
        private Dataset<Row> periodCounts(Dataset<Row> articles) {
            Column dateOrder = col("published_date").asc_nulls_first();
            Dataset<Row> mentions = context.table(Tables.MENTIONS).select("doc_id", "sentence", "entity_id")
                    .join(articles.select("doc_id", "published_date"), Columns.joinKeys("doc_id"))
                    .repartitionByRange(Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")), dateOrder)
                    .sortWithinPartitions(dateOrder, col("doc_id"))
                    .select(col("doc_id"), col("sentence"), col("entity_id"),
                            datediff(col("published_date"), EPOCH).as("published_day"));
            int cap = options.maxEntitiesPerWindow();
            MapPartitionsFunction<Row, Row> count = rows -> countInDateOrder(rows, cap);
            return mentions.mapPartitions(count, Encoders.row(PERIOD_COUNTS));
        }

        /** Counts of periods cut by a partition boundary summed, beside those of whole periods. */
        private static Dataset<Row> wholePeriods(Dataset<Row> counts) {
            Column[] key = Columns.named("kind", "scope", "granularity", "period_day", "entity_a", "entity_b");
            Dataset<Row> cut = counts.filter(not(col("complete")))
                    .groupBy(key)
                    .agg(sum("n_windows").as("n_windows"), sum("n_docs").as("n_docs"), sum("n_mentions").as("n_mentions"));
            return counts.filter(col("complete")).drop("complete").unionByName(cut)
                    .withColumn("period_start", date_add(EPOCH, col("period_day")))
                    .drop("period_day");
        }

        /** The rows of one state table, {@code entity_a} named {@code entity_id} where the table has one entity. */
        private static Dataset<Row> ofKind(Dataset<Row> state, Kind kind) {
            Dataset<Row> rows = state.filter(col("kind").equalTo(kind.name()));
            return kind == Kind.PAIRS ? rows : rows.withColumnRenamed("entity_a", "entity_id");
        }

        /**
         * Rows sorted by date and article in, their articles' counts per base period out, lazily: a period's
         * counts leave as soon as the dates pass it, so a partition's output is never held whole.
         */
        private static Iterator<Row> countInDateOrder(Iterator<Row> rows, int cap) {
            PeriodCounter counter = new PeriodCounter();
            return new Iterator<>() {
                private Iterator<PeriodCounter.Count> ready = Collections.emptyIterator();
                private Row next = rows.hasNext() ? rows.next() : null;
                private boolean finished;

                @Override
                public boolean hasNext() {
                    while (!ready.hasNext() && !finished) {
                        if (next != null) {
                            ready = counter.add(published(next), nextArticle()).iterator();
                        } else {
                            ready = counter.finish().iterator();
                            finished = true;
                        }
                    }
                    return ready.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return toRow(ready.next());
                }

                /** The mentions of the article whose first row is {@code next}: consecutive rows of its doc_id. */
                private ArticleCounts nextArticle() {
                    String doc = next.getString(0);
                    List<ArticleCounts.Mention> mentions = new ArrayList<>();
                    while (next != null && next.getString(0).equals(doc)) {
                        mentions.add(new ArticleCounts.Mention(next.getInt(1), next.getString(2)));
                        next = rows.hasNext() ? rows.next() : null;
                    }
                    return ArticleCounts.of(mentions, cap);
                }

                private static LocalDate published(Row row) {
                    return row.isNullAt(3) ? null : LocalDate.ofEpochDay(row.getInt(3));
                }
            };
        }

        private static Row toRow(PeriodCounter.Count c) {
            return RowFactory.create(c.kind().name(), c.scope(), c.granularity(),
                    c.periodStart() == null ? null : (int) c.periodStart().toEpochDay(), c.entityA(), c.entityB(),
                    c.nWindows(), c.nDocs(), c.nMentions(), c.complete());
        }

        /**
         * Writes a state table: the rows counted now or, in an incremental run, those of the recounted
         * periods and the previous rows of every other period.
         */
        private Dataset<Row> updateState(String table, Dataset<Row> counted, Dataset<Row> recounted) {
            StructType schema = Tables.schemaOf(table);
            Dataset<Row> rows = counted.select(Columns.of(schema));
            if (recounted != null) {
                Dataset<Row> periods = broadcast(recounted.select("period_key"));
                // The articles read for a recounted week also fill days that were not recounted: keep only
                // the recounted periods' rows, and the previous rows of every other period.
                Dataset<Row> fresh = rows.withColumn("period_key", Periods.periodKey())
                        .join(periods, Columns.joinKeys("period_key"), "left_semi")
                        .select(Columns.of(schema));
                Dataset<Row> kept = context.published(table).orElseThrow().withColumn("period_key", Periods.periodKey())
                        .join(periods, Columns.joinKeys("period_key"), "left_anti")
                        .select(Columns.of(schema));
                rows = fresh.union(kept);
            }
            return context.write(table, rows, true);
        }

        /** Day, week and month rows from the state, and {@code all} as their sum over months and undated. */
        private Dataset<Row> entityFrequency(Dataset<Row> state) {
            Dataset<Row> all = sumToAll(state, "entity_id").agg(sum("n_docs").as("n_docs"),
                    sum("n_mentions").as("n_mentions"));
            return published(state).unionByName(withAllPeriod(all));
        }

        /**
         * Supported pairs with their npmi. Pair rows and window counts are spread over partitions by the same
         * hash of (scope, granularity, period_start), so each partition holds every window count its pairs
         * need: the counts are read into a {@link WindowCounts}, and the pairs stream past it, unsorted.
         */
        private Dataset<Row> cooccurrence(Dataset<Row> pairState, Dataset<Row> windowState) {
            Dataset<Row> pairsAll = withAllPeriod(sumToAll(pairState, "scope", "entity_a", "entity_b")
                    .agg(sum("n_windows").as("n_windows"), sum("n_docs").as("n_docs")));
            // Support is judged over all time, so a pair that passes keeps every one of its period rows
            // (a weekly timeline has no holes), and a pair seen in fewer articles is not written at all.
            Dataset<Row> supported = pairsAll.filter(col("n_docs").geq(options.minPairDocs()))
                    .select("scope", "entity_a", "entity_b");
            // Hashed, not sorted: the semi-join's sort of every pair row cost more than the rest of it.
            Dataset<Row> pairs = published(pairState).unionByName(pairsAll)
                    .join(supported.hint("shuffle_hash"), Columns.joinKeys("scope", "entity_a", "entity_b"), "left_semi");

            Dataset<Row> windows = published(windowState).unionByName(withAllPeriod(
                    sumToAll(windowState, "scope", "entity_id").agg(sum("n_windows").as("n_windows"))));

            int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
            Column[] period = Columns.named("scope", "granularity", "period_start");
            JavaRDD<Row> windowRows = windows.select("scope", "granularity", "period_start", "entity_id", "n_windows")
                    .repartition(partitions, period).javaRDD();
            JavaRDD<Row> pairRows = pairs
                    .select("scope", "granularity", "period_start", "entity_a", "entity_b", "n_docs", "n_windows")
                    .repartition(partitions, period).javaRDD();
            FlatMapFunction2<Iterator<Row>, Iterator<Row>, Row> score = Execution::scorePairs;
            return spark.createDataFrame(windowRows.zipPartitions(pairRows, score), Tables.COOCCURRENCE_SCHEMA);
        }

        /** One partition's pairs as {@code cooccurrence} rows, scored against its window counts. */
        private static Iterator<Row> scorePairs(Iterator<Row> windows, Iterator<Row> pairs) {
            WindowCounts counts = new WindowCounts();
            windows.forEachRemaining(w -> counts.add(periodOf(w), w.getString(3), w.getLong(4)));
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return pairs.hasNext();
                }

                @Override
                public Row next() {
                    Row p = pairs.next();
                    double npmi = counts.npmi(periodOf(p), p.getString(3), p.getString(4), p.getLong(6));
                    return RowFactory.create(p.getString(1), p.getDate(2), p.getString(0), p.getString(3),
                            p.getString(4), p.getLong(5), p.getLong(6), npmi);
                }
            };
        }

        /** The period of a row whose first columns are scope, granularity and period_start. */
        private static WindowCounts.Period periodOf(Row row) {
            return new WindowCounts.Period(row.getString(0), row.getString(1),
                    row.isNullAt(2) ? null : row.getDate(2).toLocalDate());
        }

        /** State rows of the published granularities (day, week, month). */
        private static Dataset<Row> published(Dataset<Row> state) {
            return state.filter(col("granularity").notEqual(UNDATED));
        }

        /** State grouped by the given columns over the months and the undated bucket: every article once. */
        private static org.apache.spark.sql.RelationalGroupedDataset sumToAll(Dataset<Row> state, String... by) {
            return state.filter(col("granularity").isin(Granularity.MONTH.code(), UNDATED)).groupBy(Columns.named(by));
        }

        private static Dataset<Row> withAllPeriod(Dataset<Row> rows) {
            return rows.withColumn("granularity", lit(Granularity.ALL.code()))
                    .withColumn("period_start", lit(null).cast("date"));
        }

    }
}
