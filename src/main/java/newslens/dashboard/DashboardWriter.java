package newslens.dashboard;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newslens.dashboard.DashboardData.ArticleRef;
import newslens.dashboard.DashboardData.Copies;
import newslens.dashboard.DashboardData.Edge;
import newslens.dashboard.DashboardData.EntityInfo;
import newslens.dashboard.DashboardData.MonthTerms;
import newslens.dashboard.DashboardData.Overview;
import newslens.dashboard.DashboardData.RisingPeriod;
import newslens.dashboard.DashboardData.TopicInfo;
import newslens.dashboard.DashboardData.TopicView;
import newslens.dashboard.RisingNow.BurstRow;
import newslens.dashboard.RisingNow.Count;
import newslens.dashboard.RisingNow.TrendRow;
import newslens.dashboard.Timeline.PeriodValue;
import newslens.table.Columns;
import newslens.table.Granularity;
import newslens.table.OutputLayout;
import newslens.table.CountedArticles;
import newslens.table.Tables;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Command {@code dashboard}: reads the tables under {@code --output} and writes one static page,
 * {@code <output>/dashboard/index.html}. Only aggregates reach the driver, each capped (top
 * entities, their series over the most recent periods, the pairs among them, a few titles each,
 * the top rising keys of the latest day and week), so the page stays small whatever the size of
 * the archive.
 */
public final class DashboardWriter {
    /** Entities drawn in the trend chart. */
    static final int TREND_ENTITIES = 30;
    /** Entities the page knows (network nodes, the detail panel): the most frequent ones. */
    static final int PAGE_ENTITIES = 60;
    /** Pairs kept per scope among the page's entities, the highest npmi first. */
    static final int EDGES_PER_SCOPE = 400;
    /** Periods kept per granularity, the most recent (a year of days, ten years of weeks). */
    static final int MAX_PERIODS = 520;
    static final int ARTICLES_PER_ENTITY = 5;
    static final int MAX_TOPICS = 30;
    static final int TERMS_PER_TOPIC = 12;
    static final int ARTICLES_PER_TOPIC = 5;
    /** Latest months of a topic shown with their words, and words shown per month. */
    static final int MONTHS_PER_TOPIC = 6;
    static final int TERMS_PER_MONTH = 5;
    /** Rising keys shown per kind (entity, pair, topic) in the latest day and in the latest week. */
    static final int RISING_PER_KIND = 10;

    private static final List<Granularity> TIME_GRANULARITIES =
            List.of(Granularity.DAY, Granularity.WEEK, Granularity.MONTH);
    private static final List<String> REQUIRED =
            List.of(Tables.ARTICLES, Tables.MENTIONS, Tables.ENTITIES, Tables.ENTITY_FREQUENCY, Tables.COOCCURRENCE);

    private DashboardWriter() {}

    /** Writes the page and returns where it is. */
    public static Path write(SparkSession spark, String outputDir) {
        // The writer reads tables and stages nothing: the layout's run id is never used.
        OutputLayout layout = new OutputLayout(outputDir, "dashboard", spark.sparkContext().hadoopConfiguration());
        for (String table : REQUIRED) {
            if (!layout.tableExists(table)) {
                throw new IllegalArgumentException("the dashboard reads table " + table + " from --output "
                        + layout.root() + ", which has none: run the stages first (jobs/newslens run)");
            }
        }
        Reader reader = new Reader(spark, layout);
        RisingRows rising = reader.risingRows();
        // The rising entities join the page's entities, so the views they link to know them.
        List<Row> topEntities = reader.topEntities(rising == null ? List.of() : RisingNow.entityIds(rising.top()));
        List<String> entityIds = topEntities.stream().map(r -> r.<String>getAs("entity_id")).toList();
        List<String> trendIds = entityIds.subList(0, Math.min(TREND_ENTITIES, entityIds.size()));
        Map<String, List<ArticleRef>> recent = reader.recentArticles(entityIds);
        List<EntityInfo> entities = topEntities.stream().map(r -> new EntityInfo(r.getAs("entity_id"),
                r.getAs("name"), r.getAs("entity_type"), r.<Long>getAs("n_docs"), r.<Long>getAs("n_mentions"),
                recent.getOrDefault(r.<String>getAs("entity_id"), List.of()))).toList();

        DashboardData data = new DashboardData(Instant.now().toString(), reader.overview(), entities, trendIds,
                reader.timelines(Tables.ENTITY_FREQUENCY, "entity_id", "n_docs", trendIds), reader.edges(entityIds),
                reader.topics(), rising == null ? null : reader.rising(rising, names(entities)));
        return writePage(layout, new DashboardPage().render(data));
    }

    private static Map<String, String> names(List<EntityInfo> entities) {
        Map<String, String> names = new LinkedHashMap<>();
        entities.forEach(e -> names.put(e.id(), e.name()));
        return names;
    }

    /** The latest day and week of {@code trends} and their top rows. */
    private record RisingRows(Map<Granularity, LocalDate> latest, List<TrendRow> top) {}

    private static Path writePage(OutputLayout layout, String html) {
        Path page = new Path(new Path(layout.root(), "dashboard"), "index.html");
        try {
            FileSystem fs = layout.fileSystem();
            try (OutputStream out = fs.create(page, true)) {
                out.write(html.getBytes(StandardCharsets.UTF_8));
            }
            return fs.makeQualified(page);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the dashboard page " + page, e);
        }
    }

    /** The queries: each one aggregates or ranks in Spark and collects a bounded result. */
    private record Reader(SparkSession spark, OutputLayout layout) {

        Dataset<Row> table(String name) {
            return layout.read(spark, name);
        }

        Dataset<Row> originalArticles() {
            return CountedArticles.of(table(Tables.ARTICLES))
                    .select("doc_id", "title", "published_date");
        }

        /** The most frequent entities, then those of {@code alsoIds} not among them. */
        List<Row> topEntities(List<String> alsoIds) {
            Dataset<Row> entities = table(Tables.ENTITIES)
                    .select("entity_id", "name", "entity_type", "n_docs", "n_mentions");
            Column[] order = {col("n_docs").desc(), col("n_mentions").desc(), col("entity_id")};
            List<Row> top = new ArrayList<>(entities.orderBy(order).limit(PAGE_ENTITIES).collectAsList());
            Set<String> seen = new HashSet<>();
            top.forEach(r -> seen.add(r.getAs("entity_id")));
            List<String> missing = alsoIds.stream().filter(id -> !seen.contains(id)).toList();
            if (!missing.isEmpty()) {
                top.addAll(entities.filter(col("entity_id").isin(missing.toArray())).orderBy(order).collectAsList());
            }
            return top;
        }

        /** Null when the trends stage has not written its table into this output yet. */
        RisingRows risingRows() {
            if (!layout.tableExists(Tables.TRENDS)) {
                return null;
            }
            Dataset<Row> trends = table(Tables.TRENDS);
            Map<Granularity, LocalDate> latest = new EnumMap<>(Granularity.class);
            for (Row last : trends.groupBy("granularity").agg(max("period_start")).collectAsList()) {
                RisingNow.GRANULARITIES.stream().filter(g -> g.code().equals(last.getString(0)) && !last.isNullAt(1))
                        .findFirst().ifPresent(g -> latest.put(g, last.getDate(1).toLocalDate()));
            }
            if (latest.isEmpty()) {
                return new RisingRows(latest, List.of());
            }
            Column inLatest = lit(false);
            for (Map.Entry<Granularity, LocalDate> last : latest.entrySet()) {
                inLatest = inLatest.or(col("granularity").equalTo(last.getKey().code())
                        .and(col("period_start").equalTo(Date.valueOf(last.getValue()))));
            }
            // Rising: above the baseline, so a quiet period shows fewer than RISING_PER_KIND.
            List<TrendRow> top = trends.filter(inLatest.and(col("rank").leq(RISING_PER_KIND)).and(col("score").gt(0)))
                    .select("granularity", "period_start", "kind", "key", "n_docs", "score", "rank")
                    .collectAsList().stream()
                    .map(r -> new TrendRow(r.getString(0), r.getDate(1).toLocalDate(), r.getString(2), r.getString(3),
                            r.getLong(4), r.getDouble(5), r.getInt(6)))
                    .toList();
            return new RisingRows(latest, top);
        }

        /** The rising rows with their names, recent counts and bursts. */
        List<RisingPeriod> rising(RisingRows rows, Map<String, String> entityNames) {
            Map<String, List<String>> keysByKind = new LinkedHashMap<>();
            rows.top().forEach(r -> keysByKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.key()));
            Column inWindow = lit(false);
            for (Map.Entry<Granularity, LocalDate> last : rows.latest().entrySet()) {
                inWindow = inWindow.or(col("granularity").equalTo(last.getKey().code())
                        .and(col("period_start").between(
                                Date.valueOf(RisingNow.sparkStart(last.getKey(), last.getValue())),
                                Date.valueOf(last.getValue()))));
            }
            List<Dataset<Row>> counts = new ArrayList<>();
            List<String> entityKeys = keysByKind.getOrDefault(RisingNow.ENTITY, List.of());
            if (!entityKeys.isEmpty()) {
                counts.add(countsOf(table(Tables.ENTITY_FREQUENCY), RisingNow.ENTITY, col("entity_id"), entityKeys,
                        inWindow));
            }
            List<String> pairKeys = keysByKind.getOrDefault(RisingNow.PAIR, List.of());
            if (!pairKeys.isEmpty()) {
                counts.add(countsOf(table(Tables.COOCCURRENCE).filter(col("scope").equalTo("document")),
                        RisingNow.PAIR, concat_ws(RisingNow.PAIR_SEPARATOR, col("entity_a"), col("entity_b")),
                        pairKeys, inWindow));
            }
            List<String> topicKeys = keysByKind.getOrDefault(RisingNow.TOPIC, List.of());
            Map<String, String> topicLabels = new LinkedHashMap<>();
            if (!topicKeys.isEmpty() && layout.tableExists(Tables.TOPIC_FREQUENCY)) {
                counts.add(countsOf(table(Tables.TOPIC_FREQUENCY), RisingNow.TOPIC, col("topic_id").cast("string"),
                        topicKeys, inWindow));
            }
            if (!topicKeys.isEmpty() && layout.tableExists(Tables.TOPICS)) {
                table(Tables.TOPICS).filter(col("topic_id").cast("string").isin(topicKeys.toArray()))
                        .select(col("topic_id").cast("string"), col("label")).collectAsList()
                        .forEach(r -> topicLabels.put(r.getString(0), r.getString(1)));
            }
            List<Count> recent = counts.stream().reduce(Dataset::unionByName)
                    .map(d -> d.collectAsList().stream()
                            .map(r -> new Count(r.getString(0), r.getString(1), r.getString(2),
                                    r.getDate(3).toLocalDate(), ((Number) r.get(4)).longValue()))
                            .toList())
                    .orElse(List.of());
            List<BurstRow> bursts = !layout.tableExists(Tables.BURSTS) || rows.top().isEmpty() ? List.of()
                    : table(Tables.BURSTS).filter(col("key").isin(allKeys(keysByKind.values()).toArray()))
                            .select("kind", "key", "granularity", "start", "end", "level").collectAsList().stream()
                            .map(r -> new BurstRow(r.getString(0), r.getString(1), r.getString(2),
                                    r.getDate(3).toLocalDate(), r.getDate(4).toLocalDate(), r.getInt(5)))
                            .toList();
            return RisingNow.build(rows.latest(), rows.top(), bursts, recent, entityNames, topicLabels);
        }

        /** kind, key, granularity, period_start, n_docs of the given keys in the sparkline windows. */
        private static Dataset<Row> countsOf(Dataset<Row> frequency, String kind, Column key, List<String> keys,
                Column inWindow) {
            return frequency.filter(inWindow.and(key.isin(keys.toArray())))
                    .select(lit(kind).as("kind"), key.as("key"), col("granularity"), col("period_start"),
                            col("n_docs"));
        }

        private static List<String> allKeys(Collection<List<String>> keys) {
            return keys.stream().flatMap(List::stream).distinct().toList();
        }

        Overview overview() {
            Row articles = table(Tables.ARTICLES).agg(
                    count(lit(1)).as("articles"),
                    count(col("duplicate_of")).as("duplicates"),
                    sum(when(CountedArticles.isCounted().and(col("published_date").isNotNull()), 1).otherwise(0))
                            .as("dated"),
                    min("published_date").as("first"), max("published_date").as("last")).first();
            long rejects = layout.tableExists(Tables.REJECTS) ? table(Tables.REJECTS).count() : 0;
            long dated = articles.isNullAt(2) ? 0 : articles.getLong(2);
            Long groups = layout.tableExists(Tables.DUPLICATE_GROUPS) ? table(Tables.DUPLICATE_GROUPS).count() : null;
            return new Overview(articles.getLong(0), articles.getLong(1), dated, day(articles.getDate(3)),
                    day(articles.getDate(4)), rejects, table(Tables.ENTITIES).count(), groups);
        }

        /**
         * The group counts of the given (ranked, few) articles: {@code n_articles} and {@code n_outlets} of the
         * {@code duplicate_groups} row each heads, null where it heads none or the output has no such table
         * (older outputs).
         */
        private Dataset<Row> withGroupCounts(Dataset<Row> articles) {
            if (!layout.tableExists(Tables.DUPLICATE_GROUPS)) {
                return articles.withColumn("n_articles", lit(null).cast("long"))
                        .withColumn("n_outlets", lit(null).cast("long"));
            }
            Dataset<Row> groups = table(Tables.DUPLICATE_GROUPS)
                    .select(col("head_doc_id").as("doc_id"), col("n_articles"), col("n_outlets"));
            return articles.join(groups, Columns.joinKeys("doc_id"), "left");
        }

        /** The latest original articles mentioning each entity. */
        Map<String, List<ArticleRef>> recentArticles(List<String> entityIds) {
            Dataset<Row> docs = table(Tables.MENTIONS).filter(col("entity_id").isin(entityIds.toArray()))
                    .select("doc_id", "entity_id").distinct()
                    .join(originalArticles(), "doc_id");
            return firstPerKey(docs, "entity_id",
                    new Column[] {col("published_date").desc_nulls_last(), col("doc_id")}, ARTICLES_PER_ENTITY);
        }

        /** All-time pairs among the given entities, the strongest by npmi first, per scope. */
        List<Edge> edges(List<String> entityIds) {
            Object[] ids = entityIds.toArray();
            Dataset<Row> pairs = table(Tables.COOCCURRENCE)
                    .filter(col("granularity").equalTo(Granularity.ALL.code())
                            .and(col("entity_a").isin(ids)).and(col("entity_b").isin(ids)))
                    .withColumn("rank", row_number().over(Window.partitionBy("scope")
                            .orderBy(col("npmi").desc(), col("n_docs").desc(), col("entity_a"), col("entity_b"))))
                    .filter(col("rank").leq(EDGES_PER_SCOPE))
                    .orderBy("scope", "rank");
            return pairs.collectAsList().stream().map(r -> new Edge(r.getAs("scope"), r.getAs("entity_a"),
                    r.getAs("entity_b"), r.<Long>getAs("n_docs"), r.<Double>getAs("npmi"))).toList();
        }

        /** One timeline per time granularity of {@code valueColumn} by {@code keyColumn}, for {@code keys}. */
        List<Timeline> timelines(String frequencyTable, String keyColumn, String valueColumn, List<?> keys) {
            Map<Granularity, LocalDate> windowStarts = new EnumMap<>(Granularity.class); // day, week, month
            for (Row last : table(frequencyTable).filter(col("period_start").isNotNull())
                    .groupBy("granularity").agg(max("period_start")).collectAsList()) {
                TIME_GRANULARITIES.stream().filter(g -> g.code().equals(last.getString(0))).findFirst()
                        .ifPresent(g -> windowStarts.put(g, Timeline.windowStart(g, last.getDate(1).toLocalDate(),
                                MAX_PERIODS)));
            }
            if (windowStarts.isEmpty()) {
                return List.of();
            }
            Column inWindow = lit(false);
            for (Map.Entry<Granularity, LocalDate> window : windowStarts.entrySet()) {
                inWindow = inWindow.or(col("granularity").equalTo(window.getKey().code())
                        .and(col("period_start").geq(Date.valueOf(window.getValue()))));
            }
            Map<String, List<PeriodValue>> byGranularity = new LinkedHashMap<>();
            table(frequencyTable).filter(col(keyColumn).isin(keys.toArray()).and(inWindow))
                    .select("granularity", keyColumn, "period_start", valueColumn).collectAsList()
                    .forEach(r -> byGranularity.computeIfAbsent(r.getString(0), g -> new ArrayList<>())
                            .add(new PeriodValue(String.valueOf(r.get(1)), r.getDate(2).toLocalDate(),
                                    ((Number) r.get(3)).doubleValue())));

            List<String> keyStrings = keys.stream().map(String::valueOf).toList();
            return windowStarts.keySet().stream()
                    .map(g -> Timeline.of(g, keyStrings, byGranularity.getOrDefault(g.code(), List.of()), MAX_PERIODS))
                    .toList();
        }

        /** Null when the topics stage has not written its tables into this output yet. */
        TopicView topics() {
            if (!layout.tableExists(Tables.TOPICS) || !layout.tableExists(Tables.TOPIC_FREQUENCY)) {
                return null;
            }
            Dataset<Row> totals = table(Tables.TOPIC_FREQUENCY)
                    .filter(col("granularity").equalTo(Granularity.ALL.code()))
                    .groupBy("topic_id").agg(sum("weight").as("total"));
            Dataset<Row> topicRows = table(Tables.TOPICS);
            List<Row> topics = topicRows
                    .join(totals, topicRows.col("topic_id").equalTo(totals.col("topic_id")), "left")
                    .drop(totals.col("topic_id"))
                    .orderBy(col("total").desc_nulls_last(), col("topic_id"))
                    .limit(MAX_TOPICS).collectAsList();
            List<Integer> ids = topics.stream().map(r -> r.<Integer>getAs("topic_id")).toList();
            Map<String, List<ArticleRef>> typical = layout.tableExists(Tables.DOC_TOPICS)
                    ? firstPerKey(table(Tables.DOC_TOPICS).filter(col("topic_id").isin(ids.toArray()))
                            .join(originalArticles(), "doc_id"),
                            "topic_id", new Column[] {col("weight").desc(), col("doc_id")}, ARTICLES_PER_TOPIC)
                    : Map.of();
            Map<Integer, List<MonthTerms>> months = monthTerms(ids);
            List<TopicInfo> infos = topics.stream().map(r -> {
                int id = r.<Integer>getAs("topic_id");
                List<String> terms = r.getList(r.fieldIndex("terms"));
                return new TopicInfo(id, r.getAs("label"), terms.subList(0, Math.min(TERMS_PER_TOPIC, terms.size())),
                        months.getOrDefault(id, List.of()), typical.getOrDefault(String.valueOf(id), List.of()));
            }).toList();
            return new TopicView(infos, timelines(Tables.TOPIC_FREQUENCY, "topic_id", "weight", ids));
        }

        /**
         * Each topic's words of its latest {@value #MONTHS_PER_TOPIC} months in {@code topic_terms}, latest
         * first; none when the table is absent (an output written before it existed).
         */
        private Map<Integer, List<MonthTerms>> monthTerms(List<Integer> ids) {
            if (!layout.tableExists(Tables.TOPIC_TERMS)) {
                return Map.of();
            }
            List<Row> rows = table(Tables.TOPIC_TERMS)
                    .filter(col("granularity").equalTo(Granularity.MONTH.code())
                            .and(col("topic_id").isin(ids.toArray())).and(col("rank").leq(TERMS_PER_MONTH)))
                    .withColumn("month_rank", dense_rank().over(Window.partitionBy("topic_id")
                            .orderBy(col("period_start").desc())))
                    .filter(col("month_rank").leq(MONTHS_PER_TOPIC))
                    .orderBy(col("topic_id"), col("period_start").desc(), col("rank"))
                    .collectAsList();
            Map<Integer, Map<String, List<String>>> byTopic = new LinkedHashMap<>();
            for (Row row : rows) {
                String month = row.<Date>getAs("period_start").toLocalDate().toString().substring(0, 7);
                byTopic.computeIfAbsent(row.getAs("topic_id"), topic -> new LinkedHashMap<>())
                        .computeIfAbsent(month, m -> new ArrayList<>()).add(row.getAs("term"));
            }
            Map<Integer, List<MonthTerms>> months = new LinkedHashMap<>();
            byTopic.forEach((topic, terms) -> months.put(topic, terms.entrySet().stream()
                    .map(month -> new MonthTerms(month.getKey(), month.getValue())).toList()));
            return months;
        }

        /**
         * The first {@code n} articles of each key in the given order (rows with doc_id, title, published_date),
         * each with the duplicate group it heads, if any.
         */
        private Map<String, List<ArticleRef>> firstPerKey(Dataset<Row> rows, String key, Column[] order, int n) {
            Dataset<Row> first = rows.withColumn("rank", row_number().over(Window.partitionBy(key).orderBy(order)))
                    .filter(col("rank").leq(n));
            List<Row> ranked = withGroupCounts(first)
                    .orderBy(col(key), col("rank"))
                    .select(col(key), col("doc_id"), col("title"), col("published_date"), col("n_articles"),
                            col("n_outlets"))
                    .collectAsList();
            Map<String, List<ArticleRef>> byKey = new LinkedHashMap<>();
            for (Row r : ranked) {
                byKey.computeIfAbsent(String.valueOf(r.get(0)), k -> new ArrayList<>())
                        .add(new ArticleRef(r.getString(1), r.getString(2), day(r.getDate(3)), copies(r, 4, 5)));
            }
            return byKey;
        }

        /** The group counts at {@code articles} and {@code outlets} of the row, null outside a group. */
        private static Copies copies(Row r, int articles, int outlets) {
            if (r.isNullAt(articles) || r.getLong(articles) < 2) {
                return null; // a group has two articles or more: anything else is no group to show
            }
            return new Copies(r.getLong(articles), r.isNullAt(outlets) ? 0 : r.getLong(outlets));
        }

        private static String day(Date date) {
            return date == null ? null : date.toLocalDate().toString();
        }
    }
}
