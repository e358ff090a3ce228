package newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import newslens.pipeline.Stage;
import newslens.pipeline.StageContext;
import newslens.pipeline.StageResult;
import newslens.table.CountedArticles;
import newslens.table.Granularity;
import newslens.table.Tables;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Stage {@code trends}: what is rising. Tables {@code entity_frequency}, {@code cooccurrence} (document
 * scope), {@code topic_frequency} (when topics ran) and {@code articles} (the day's counted articles) →
 * {@code trends} (each key's day and week scored against its trailing baseline, {@link TrendScorer}) and
 * {@code bursts} (Kleinberg bursts of each key's share of the articles, {@link BurstDetector}).
 *
 * <p>Keys: kind {@code entity} an entity_id, {@code pair} {@code entity_a|entity_b}, {@code topic} a
 * topic_id. Only day and week rows and their n_docs are read, so the inputs' counting rules carry over:
 * a duplicate group counts once and undated articles are left out (they are only under {@code all}).
 *
 * <p>Spark groups each key's rows into one series (a few hundred numbers) and scores it in plain Java in
 * {@code mapPartitions}; the day totals (one number a day) go to the executors with the task.
 *
 * <p>Incremental: the stage keeps no state. Its inputs are small (one row per key and period) and it
 * recomputes both tables from them on every run, so a run after new articles gives what one run over
 * all articles gives, and a rerun changes nothing. Trend scores never look ahead; bursts are fitted on the
 * whole series, so a new day can move the edge of an earlier burst (a correction, not a contradiction).
 */
public final class TrendsStage implements Stage {

    public static final String ENTITY = "entity";
    public static final String PAIR = "pair";
    public static final String TOPIC = "topic";
    /** Separates the two entity ids of a pair key. */
    public static final String PAIR_SEPARATOR = "|";

    /**
     * Options of the stage, validated when built.
     *
     * @param dayWindow   days of trailing baseline a day is scored against (28: four of each weekday, a
     *                    month of news, short enough for a slow drift to become the new normal)
     * @param weekWindow  weeks of trailing baseline of a week (8: two months)
     * @param sdFloor     least baseline sd: a key out of nowhere with n articles scores at most n (1)
     * @param minSupport  articles a key must have been seen in before it is scored or has bursts (5)
     * @param burstScale  Kleinberg's s, the share's growth per burst level (3; see {@link BurstDetector})
     * @param burstGamma  Kleinberg's γ, the price of a level in units of ln(periods) (1.5)
     * @param burstLevels the most burst levels above the base (3)
     * @param burstFalseRate how many bursts a key with a steady share may show by chance, at most (0.1; a
     *                    burst must be that unlikely, see {@link BurstDetector})
     */
    public record Options(int dayWindow, int weekWindow, double sdFloor, long minSupport, double burstScale,
                          double burstGamma, int burstLevels, double burstFalseRate) implements Serializable {
        public Options {
            require(dayWindow >= 7, "trends.dayWindow must be at least 7 days (a week of weekdays), got " + dayWindow);
            require(dayWindow <= 366, "trends.dayWindow must be at most 366 days, got " + dayWindow);
            require(weekWindow >= 2, "trends.weekWindow must be at least 2 weeks, got " + weekWindow);
            require(weekWindow <= 104, "trends.weekWindow must be at most 104 weeks, got " + weekWindow);
            require(sdFloor > 0 && Double.isFinite(sdFloor), "trends.sdFloor must be positive, got " + sdFloor);
            require(minSupport >= 1, "trends.minSupport must be at least 1, got " + minSupport);
            require(burstScale > 1 && Double.isFinite(burstScale),
                    "trends.burstScale must be above 1, got " + burstScale);
            require(burstGamma > 0 && Double.isFinite(burstGamma),
                    "trends.burstGamma must be positive, got " + burstGamma);
            require(burstLevels >= 1 && burstLevels <= 10,
                    "trends.burstLevels must be 1 to 10, got " + burstLevels);
            require(burstFalseRate > 0 && burstFalseRate < 1,
                    "trends.burstFalseRate must be above 0 and below 1, got " + burstFalseRate);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** What the stage read and wrote. */
    public record Result(long series, long trendRows, long burstRows, boolean topicsIncluded) implements StageResult {
        @Override
        public String summary() {
            return String.format("trends: %d series (entities, pairs%s; days and weeks) -> %d trends rows, %d bursts",
                    series, topicsIncluded ? ", topics" : "", trendRows, burstRows);
        }
    }

    private static final Column EPOCH = lit("1970-01-01").cast("date");
    private static final List<Granularity> GRANULARITIES = List.of(Granularity.DAY, Granularity.WEEK);
    private static final String DOCUMENT_SCOPE = "document";

    /** Trend rows before ranking, periods as days since 1970. */
    private static final StructType SCORED = new StructType()
            .add("granularity", DataTypes.StringType, false)
            .add("period_day", DataTypes.IntegerType, false)
            .add("kind", DataTypes.StringType, false)
            .add("key", DataTypes.StringType, false)
            .add("n_docs", DataTypes.LongType, false)
            .add("baseline_mean", DataTypes.DoubleType, false)
            .add("baseline_sd", DataTypes.DoubleType, false)
            .add("score", DataTypes.DoubleType, false);

    /** Burst rows, periods as days since 1970. */
    private static final StructType BURST_DAYS = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("key", DataTypes.StringType, false)
            .add("granularity", DataTypes.StringType, false)
            .add("start_day", DataTypes.IntegerType, false)
            .add("end_day", DataTypes.IntegerType, false)
            .add("level", DataTypes.IntegerType, false)
            .add("peak_day", DataTypes.IntegerType, false)
            .add("n_docs", DataTypes.LongType, false);

    private final Options options;

    public TrendsStage(Options options) {
        this.options = options;
    }

    /** readsIfPresent: topic_frequency, absent when the topics stage fitted no model. */
    @Override
    public Signature signature() {
        return new Signature("trends", List.of(Tables.ARTICLES, Tables.ENTITY_FREQUENCY, Tables.COOCCURRENCE),
                List.of(Tables.TOPIC_FREQUENCY), List.of(Tables.TRENDS, Tables.BURSTS));
    }

    @Override
    public StageResult execute(StageContext context) {
        context.describe("count the articles of each day");
        ArticleTotals totals = articleTotals(context.table(Tables.ARTICLES));

        Optional<Dataset<Row>> topics = context.tableIfPresent(Tables.TOPIC_FREQUENCY);
        Dataset<Row> rows = periodRows(context.table(Tables.ENTITY_FREQUENCY), ENTITY, col("entity_id"))
                .unionByName(periodRows(context.table(Tables.COOCCURRENCE)
                                .filter(col("scope").equalTo(DOCUMENT_SCOPE)), PAIR,
                        concat_ws(PAIR_SEPARATOR, col("entity_a"), col("entity_b"))));
        if (topics.isPresent()) {
            rows = rows.unionByName(periodRows(topics.get(), TOPIC, col("topic_id").cast("string")));
        }
        context.describe("gather each key's series");
        Dataset<Row> series = rows.groupBy("kind", "granularity", "key")
                .agg(sort_array(collect_list(struct("period_day", "n_docs"))).as("counts"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long seriesCount = series.count();

            context.describe("score each period against its baseline");
            Dataset<Row> scored = series.mapPartitions(new ScoreSeries(options, totals), Encoders.row(SCORED));
            Dataset<Row> trends = scored
                    .withColumn("rank", row_number().over(Window.partitionBy("granularity", "period_day", "kind")
                            .orderBy(col("score").desc(), col("key").asc())))
                    .withColumn("period_start", date_add(EPOCH, col("period_day")));
            context.describe("write table trends");
            context.write(Tables.TRENDS, trends);
            long trendRows = context.rowsWritten(Tables.TRENDS);

            context.describe("find bursts");
            Dataset<Row> bursts = series.mapPartitions(new FindBursts(options, totals), Encoders.row(BURST_DAYS))
                    .withColumn("start", date_add(EPOCH, col("start_day")))
                    .withColumn("end", date_add(EPOCH, col("end_day")))
                    .withColumn("peak_period", date_add(EPOCH, col("peak_day")));
            context.describe("write table bursts");
            context.write(Tables.BURSTS, bursts);
            long burstRows = context.rowsWritten(Tables.BURSTS);
            return new Result(seriesCount, trendRows, burstRows, topics.isPresent());
        } finally {
            series.unpersist();
        }
    }

    /** Counted articles per day: one per duplicate group, dated ones. */
    private static ArticleTotals articleTotals(Dataset<Row> articles) {
        SortedMap<LocalDate, Long> perDay = new TreeMap<>();
        for (Row row : CountedArticles.of(articles).filter(col("published_date").isNotNull())
                .groupBy(datediff(col("published_date"), EPOCH).as("day")).count().collectAsList()) {
            perDay.put(LocalDate.ofEpochDay(row.getInt(0)), row.getLong(1));
        }
        return new ArticleTotals(perDay);
    }

    /** Day and week rows of a frequency table as (kind, granularity, period_day, key, n_docs). */
    private static Dataset<Row> periodRows(Dataset<Row> table, String kind, Column key) {
        return table.filter(col("granularity").isin(Granularity.DAY.code(), Granularity.WEEK.code())
                        .and(col("period_start").isNotNull()))
                .select(lit(kind).as("kind"), col("granularity"),
                        datediff(col("period_start"), EPOCH).as("period_day"), key.as("key"), col("n_docs"));
    }

    /** A series row's counts, period start → articles. */
    private static SortedMap<LocalDate, Long> counts(Row series) {
        SortedMap<LocalDate, Long> counts = new TreeMap<>();
        for (Row count : series.<Row>getList(series.fieldIndex("counts"))) {
            counts.put(LocalDate.ofEpochDay(count.getInt(0)), count.getLong(1));
        }
        return counts;
    }

    private static Granularity granularity(Row series) {
        String code = series.getString(series.fieldIndex("granularity"));
        return GRANULARITIES.stream().filter(g -> g.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("not a trend granularity: " + code));
    }

    /** The rows {@code perSeries} makes of each series of the partition, one series at a time. */
    private static Iterator<Row> flatMap(Iterator<Row> partition, Function<Row, List<Row>> perSeries) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(partition, Spliterator.ORDERED), false)
                .flatMap(series -> perSeries.apply(series).stream()).iterator();
    }

    private static int day(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

    /** Trend rows of each series. */
    private record ScoreSeries(Options options, ArticleTotals totals) implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> partition) {
            KeyTrends keyTrends = new KeyTrends(options, totals);
            return flatMap(partition, series -> {
                String kind = series.getString(series.fieldIndex("kind"));
                String key = series.getString(series.fieldIndex("key"));
                Granularity granularity = granularity(series);
                List<Row> rows = new ArrayList<>();
                for (TrendScorer.Score s : keyTrends.trends(granularity, counts(series))) {
                    rows.add(RowFactory.create(granularity.code(), day(s.periodStart()), kind, key, s.nDocs(),
                            s.baselineMean(), s.baselineSd(), s.score()));
                }
                return rows;
            });
        }
    }

    /** Burst rows of each series. */
    private record FindBursts(Options options, ArticleTotals totals) implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> partition) {
            KeyTrends keyTrends = new KeyTrends(options, totals);
            return flatMap(partition, series -> {
                String kind = series.getString(series.fieldIndex("kind"));
                String key = series.getString(series.fieldIndex("key"));
                Granularity granularity = granularity(series);
                List<Row> rows = new ArrayList<>();
                for (KeyTrends.DatedBurst b : keyTrends.bursts(granularity, counts(series))) {
                    rows.add(RowFactory.create(kind, key, granularity.code(), day(b.start()), day(b.end()),
                            b.level(), day(b.peakPeriod()), b.nDocs()));
                }
                return rows;
            });
        }
    }
}
