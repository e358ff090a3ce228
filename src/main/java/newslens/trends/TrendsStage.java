package newslens.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import newslens.pipeline.Stage;
import newslens.pipeline.StageContext;
import newslens.pipeline.StageResult;
import newslens.table.CountedArticles;
import newslens.table.Granularity;
import newslens.table.Tables;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Stage {@code trends}: what is rising. Tables {@code entity_frequency}, {@code cooccurrence} (document
 * scope), {@code topic_frequency} (when topics ran) and {@code articles} (the day's counted articles) →
 * {@code trends} (each key's day and week scored against its trailing baseline, {@link TrendScorer}) and
 * {@code bursts} (Kleinberg bursts of each key's share of the articles, {@link BurstDetector}).
 *
 * <p>Keys: kind {@code entity} an entity_id, {@code pair} {@code entity_a|entity_b}, {@code topic} a
 * topic_id. Only day rows and their n_docs are read (a week sums its days), so the inputs' counting rules
 * carry over: a duplicate group counts once and undated articles are left out (they are only under
 * {@code all}).
 *
 * <p>Spark groups each key's rows into one series (a few hundred numbers); one pass in plain Java in
 * {@code mapPartitions} scores it and finds its bursts; the day totals (one number a day) go to the
 * executors with the task. A pair gets a trend row only for periods it was seen {@code minPairDocs} times
 * in.
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
     * @param minPairDocs articles a pair needs in a period for that period to get a trend row (2: once in a
     *                    period, a pair scores at most 1 / sdFloor, never a rise, and such rows were three
     *                    quarters of all rows at 100k articles); its other periods still make its baseline
     * @param burstScale  Kleinberg's s, the share's growth per burst level (3; see {@link BurstDetector})
     * @param burstGamma  Kleinberg's γ, the price of a level in units of ln(periods) (1.5)
     * @param burstLevels the most burst levels above the base (3)
     * @param burstFalseRate how many bursts a key with a steady share may show by chance, at most (0.1; a
     *                    burst must be that unlikely, see {@link BurstDetector})
     */
    public record Options(int dayWindow, int weekWindow, double sdFloor, long minSupport, long minPairDocs,
                          double burstScale, double burstGamma, int burstLevels, double burstFalseRate)
            implements Serializable {
        public Options {
            require(dayWindow >= 7, "trends.dayWindow must be at least 7 days (a week of weekdays), got " + dayWindow);
            require(dayWindow <= 366, "trends.dayWindow must be at most 366 days, got " + dayWindow);
            require(weekWindow >= 2, "trends.weekWindow must be at least 2 weeks, got " + weekWindow);
            require(weekWindow <= 104, "trends.weekWindow must be at most 104 weeks, got " + weekWindow);
            require(sdFloor > 0 && Double.isFinite(sdFloor), "trends.sdFloor must be positive, got " + sdFloor);
            require(minSupport >= 1, "trends.minSupport must be at least 1, got " + minSupport);
            require(minPairDocs >= 1, "trends.minPairDocs must be at least 1, got " + minPairDocs);
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

    /**
     * Trend rows before ranking: {@code rank_group} is one number per granularity, period and kind
     * ({@link #rankGroup}), the rows a rank is counted among, and stands for those three columns until the
     * rows are ranked (a narrower row to shuffle).
     */
    private static final StructType SCORED = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("n_docs", DataTypes.LongType, false)
            .add("baseline_mean", DataTypes.DoubleType, false)
            .add("baseline_sd", DataTypes.DoubleType, false)
            .add("score", DataTypes.DoubleType, false)
            .add("rank_group", DataTypes.LongType, false);

    private static final List<String> KINDS = List.of(ENTITY, PAIR, TOPIC);
    /** The kinds and the granularities of {@link #GRANULARITIES} as Spark holds strings, in the same order. */
    private static final List<UTF8String> KIND_CODES = KINDS.stream().map(UTF8String::fromString).toList();
    private static final List<UTF8String> GRANULARITY_CODES = GRANULARITIES.stream()
            .map(granularity -> UTF8String.fromString(granularity.code())).toList();
    private static final int KEY = 0;
    private static final int SCORE = 4;
    private static final int RANK_GROUP = 5;

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
        Dataset<Row> rows = dayRows(context.table(Tables.ENTITY_FREQUENCY), ENTITY, col("entity_id"))
                .unionByName(dayRows(context.table(Tables.COOCCURRENCE)
                                .filter(col("scope").equalTo(DOCUMENT_SCOPE)), PAIR,
                        concat_ws(PAIR_SEPARATOR, col("entity_a"), col("entity_b"))));
        if (topics.isPresent()) {
            rows = rows.unionByName(dayRows(topics.get(), TOPIC, col("topic_id").cast("string")));
        }
        context.describe("gather each key's series");
        // One shuffle brings each series' rows together. The sort is by a hash of the series alone, a long the
        // sorter orders by radix: sorting by the keys (long strings with shared beginnings) compared them byte
        // by byte, half the stage's time. The rare series whose hashes collide are told apart when read. The
        // rows are read as Spark holds them (no Row, no String per row): a key becomes a String once a series.
        JavaRDD<InternalRow> sortedRows = rows.withColumn("series_hash", xxhash64(col("kind"), col("key")))
                .repartition(col("series_hash"))
                .sortWithinPartitions("series_hash")
                .queryExecution().toRdd().toJavaRDD();
        // Counted as the scores are made, not by a job of its own; a retried task would count its series
        // twice, and only the summary line and the manifest show the figure.
        LongAccumulator seriesSeen = context.spark().sparkContext().longAccumulator("trends series");

        context.describe("score each period against its baseline and find bursts");
        // One pass over the series makes both tables' rows. The trend rows go on to the rank's shuffle as Spark
        // holds rows: internalCreateDataFrame (package-private in Scala, public to Java) takes them as they
        // are, where createDataFrame would build and convert a Row for each. The bursts, rare by design (the
        // burstFalseRate bar), come back to the driver with the tasks' results, so nothing is kept on the
        // executors for a second job.
        CollectionAccumulator<BurstRow> burstsFound = context.spark().sparkContext()
                .collectionAccumulator("trends bursts");
        Dataset<Row> scored = context.spark().internalCreateDataFrame(
                sortedRows.mapPartitions(new ScoreAndFindBursts(options, totals, seriesSeen, burstsFound)).rdd(),
                SCORED, false);
        // Ranked the same way: the rows of one period and kind brought together by a long, then sorted by
        // score in plain Java (a window over the string columns compared most pairs of rows in full). Each
        // partition becomes a file of the table: twice as many as there are task slots, so that the slots
        // finish together (left to itself, Spark made three of two slots' work: one slot idle a third of the
        // time).
        int writers = 2 * context.spark().sparkContext().defaultParallelism();
        JavaRDD<InternalRow> byPeriod = scored.repartition(writers, col("rank_group"))
                .sortWithinPartitions("rank_group").queryExecution().toRdd().toJavaRDD();
        Dataset<Row> trends = context.spark().internalCreateDataFrame(
                byPeriod.mapPartitions(TrendsStage::rankWithinPeriod).rdd(), Tables.TRENDS_SCHEMA, false);
        context.describe("write table trends");
        context.write(Tables.TRENDS, trends);
        long trendRows = context.rowsWritten(Tables.TRENDS);

        // A task run twice (a retry, a recomputed stage) sends its bursts twice: each burst is kept once.
        List<Row> bursts = new TreeSet<>(burstsFound.value()).stream().map(BurstRow::toRow).toList();
        context.describe("write table bursts");
        context.write(Tables.BURSTS, context.spark().createDataFrame(bursts, Tables.BURSTS_SCHEMA));
        return new Result(seriesSeen.value(), trendRows, context.rowsWritten(Tables.BURSTS), topics.isPresent());
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

    /**
     * Day rows of a frequency table as (kind, period_day, key, n_docs), the kind as its place in
     * {@link #KINDS}. Weeks are summed from them: a counted article has one date, so a week's articles are its
     * days' (the tables' week rows say the same).
     */
    private static Dataset<Row> dayRows(Dataset<Row> table, String kind, Column key) {
        return table.filter(col("granularity").equalTo(Granularity.DAY.code()).and(col("period_start").isNotNull()))
                .select(lit(KINDS.indexOf(kind)).as("kind"), datediff(col("period_start"), EPOCH).as("period_day"),
                        key.as("key"), col("n_docs"));
    }

    /** One key's articles per day. */
    record KeySeries(String kind, String key, PeriodCounts days) {

        /** The key's articles per period of {@code granularity}: a week sums its days. */
        PeriodCounts counts(Granularity granularity) {
            return granularity == Granularity.DAY ? days : days.weeks();
        }
    }

    /**
     * The series of a partition whose rows (kind, period_day, key, n_docs, series_hash) come sorted by
     * series_hash: each run of rows with one hash holds one series, or a few whose hashes collide. The
     * sorter hands out one row object, refilled on each {@code next()}: a field kept is copied.
     */
    static Iterator<KeySeries> series(Iterator<InternalRow> sortedRows) {
        return new Iterator<>() {
            private InternalRow pending = sortedRows.hasNext() ? sortedRows.next() : null;
            private Iterator<KeySeries> run = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                return run.hasNext() || pending != null;
            }

            @Override
            public KeySeries next() {
                if (!run.hasNext()) {
                    if (pending == null) {
                        throw new NoSuchElementException();
                    }
                    run = nextRun();
                }
                return run.next();
            }

            private Iterator<KeySeries> nextRun() {
                long hash = pending.getLong(4);
                List<SeriesBeingRead> ofHash = new ArrayList<>(1);
                InternalRow row = pending;
                while (row != null && row.getLong(4) == hash) {
                    int kind = row.getInt(0);
                    UTF8String key = row.getUTF8String(2);
                    SeriesBeingRead series = null;
                    for (SeriesBeingRead candidate : ofHash) {
                        if (candidate.key().equals(key) && candidate.kind() == kind) {
                            series = candidate;
                        }
                    }
                    if (series == null) {
                        series = new SeriesBeingRead(kind, key.clone());
                        ofHash.add(series);
                    }
                    series.add(row.getInt(1), row.getLong(3));
                    row = sortedRows.hasNext() ? sortedRows.next() : null;
                }
                pending = row;
                return ofHash.stream().map(SeriesBeingRead::toSeries).iterator();
            }
        };
    }

    /** A series of one hash run as it is read: kind and key copied out of the sorter's row, its day rows. */
    private static final class SeriesBeingRead {
        private final int kind;
        private final UTF8String key;
        private int[] days = new int[8];
        private long[] articles = new long[8];
        private int size;

        SeriesBeingRead(int kind, UTF8String key) {
            this.kind = kind;
            this.key = key;
        }

        int kind() {
            return kind;
        }

        UTF8String key() {
            return key;
        }

        void add(int day, long dayArticles) {
            if (size == days.length) {
                days = Arrays.copyOf(days, size * 2);
                articles = Arrays.copyOf(articles, size * 2);
            }
            days[size] = day;
            articles[size++] = dayArticles;
        }

        KeySeries toSeries() {
            return new KeySeries(KINDS.get(kind), key.toString(), PeriodCounts.ofDays(days, articles, size));
        }
    }

    /** The rows {@code perSeries} makes of each series of the partition, one series at a time. */
    private static <T> Iterator<T> flatMap(Iterator<InternalRow> sortedRows, Function<KeySeries, List<T>> perSeries) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(series(sortedRows), Spliterator.ORDERED),
                false).flatMap(series -> perSeries.apply(series).stream()).iterator();
    }

    /**
     * One number per granularity, period and kind: the period's day, times 8, plus 4 for weeks, plus the kind's
     * place in {@link #KINDS}; the rank reads the three back from it.
     */
    private static long rankGroup(Granularity granularity, int periodDay, int kindIndex) {
        return periodDay * 8L + (granularity == Granularity.WEEK ? 4 : 0) + kindIndex;
    }

    /**
     * Ranks the rows ({@link #SCORED}) of a partition sorted by {@code rank_group}: each group's rows by score,
     * highest first, ties by key (in byte order, as Spark and DuckDB sort strings), numbered from 1; each
     * comes out as a row of table {@code trends}. One group (a period and kind: thousands of rows) is in memory
     * at a time, copied out of the sorter's reused row.
     */
    static Iterator<InternalRow> rankWithinPeriod(Iterator<InternalRow> sortedRows) {
        Comparator<InternalRow> byScore = (one, other) -> {
            int higherFirst = Double.compare(other.getDouble(SCORE), one.getDouble(SCORE));
            return higherFirst != 0 ? higherFirst : one.getUTF8String(KEY).compareTo(other.getUTF8String(KEY));
        };
        return new Iterator<>() {
            private InternalRow pending = sortedRows.hasNext() ? sortedRows.next() : null;
            private final List<InternalRow> group = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                return next < group.size() || pending != null;
            }

            @Override
            public InternalRow next() {
                if (next == group.size()) {
                    if (pending == null) {
                        throw new NoSuchElementException();
                    }
                    readGroup();
                }
                InternalRow row = group.get(next++);
                long rankGroup = row.getLong(RANK_GROUP);
                // the period's day is period_start: a date is its day since 1970 inside Spark
                return new GenericInternalRow(new Object[] {GRANULARITY_CODES.get((rankGroup & 4) == 0 ? 0 : 1),
                        Math.toIntExact(Math.floorDiv(rankGroup, 8)), KIND_CODES.get((int) (rankGroup & 3)),
                        row.getUTF8String(KEY), row.getLong(1), row.getDouble(2), row.getDouble(3),
                        row.getDouble(SCORE), next});
            }

            private void readGroup() {
                group.clear();
                next = 0;
                long id = pending.getLong(RANK_GROUP);
                while (pending != null && pending.getLong(RANK_GROUP) == id) {
                    group.add(pending.copy());
                    pending = sortedRows.hasNext() ? sortedRows.next() : null;
                }
                group.sort(byScore);
            }
        };
    }

    private static int day(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

    /** A burst as the pass finds it: what a row of table {@code bursts} holds, its dates as days since 1970. */
    record BurstRow(String kind, String key, String granularity, int startDay, int endDay, int level, int peakDay,
                    long nDocs) implements Serializable, Comparable<BurstRow> {
        private static final Comparator<BurstRow> ORDER = Comparator.comparing(BurstRow::kind)
                .thenComparing(BurstRow::key).thenComparing(BurstRow::granularity)
                .thenComparingInt(BurstRow::startDay).thenComparingInt(BurstRow::level)
                .thenComparingInt(BurstRow::endDay).thenComparingInt(BurstRow::peakDay)
                .thenComparingLong(BurstRow::nDocs);

        @Override
        public int compareTo(BurstRow other) {
            return ORDER.compare(this, other);
        }

        Row toRow() {
            return RowFactory.create(kind, key, granularity, LocalDate.ofEpochDay(startDay),
                    LocalDate.ofEpochDay(endDay), level, LocalDate.ofEpochDay(peakDay), nDocs);
        }
    }

    /**
     * Trend rows ({@link #SCORED}, as Spark holds rows) of each series, and its bursts into
     * {@code burstsFound}; a pair's periods with fewer than {@code minPairDocs} articles get no trend row.
     * Counts the series it read.
     */
    private record ScoreAndFindBursts(Options options, ArticleTotals totals, LongAccumulator seriesSeen,
                                      CollectionAccumulator<BurstRow> burstsFound)
            implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
        @Override
        public Iterator<InternalRow> call(Iterator<InternalRow> sortedRows) {
            KeyTrends keyTrends = new KeyTrends(options, totals);
            return flatMap(sortedRows, series -> {
                seriesSeen.add(GRANULARITIES.size());
                long minPeriodDocs = series.kind().equals(PAIR) ? options.minPairDocs() : 1;
                UTF8String key = UTF8String.fromString(series.key());
                int kindIndex = KINDS.indexOf(series.kind());
                List<InternalRow> rows = new ArrayList<>();
                for (Granularity granularity : GRANULARITIES) {
                    PeriodCounts counts = series.counts(granularity);
                    for (TrendScorer.Score s : keyTrends.trends(counts, minPeriodDocs)) {
                        int period = day(s.periodStart());
                        rows.add(new GenericInternalRow(new Object[] {key, s.nDocs(), s.baselineMean(), s.baselineSd(),
                                s.score(), rankGroup(granularity, period, kindIndex)}));
                    }
                    for (KeyTrends.DatedBurst b : keyTrends.bursts(counts)) {
                        burstsFound.add(new BurstRow(series.kind(), series.key(), granularity.code(), day(b.start()),
                                day(b.end()), b.level(), day(b.peakPeriod()), b.nDocs()));
                    }
                }
                return rows;
            });
        }
    }
}
