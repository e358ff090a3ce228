package newslens.entities;

import newslens.entities.rules.EntityRecognizer;
import newslens.entities.learned.LearnedNerModel;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import newslens.table.Columns;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Stage {@code entities}: table {@code articles} → {@code mentions} and {@code entities}. The
 * recogniser (knowledge base included) is broadcast once to every executor; each article's mentions
 * are found where the article is.
 *
 * <p>Incremental: table {@code recognised} records which version of each article (its content hash)
 * the mentions come from and the {@link RecognizerVersion} that found them. An article whose text
 * and recogniser are unchanged keeps its mentions; only new or changed articles are recognised, and
 * the mentions of articles gone from {@code articles} are dropped. {@code full} recognises every article.
 */
public final class EntitiesStage {

    /**
     * @param recognizerVersion fingerprint of the recogniser in use ({@link RecognizerVersion#of})
     * @param full              recognise every article, whatever was recognised before
     */
    public record Options(String recognizerVersion, boolean full) {
        public Options {
            if (recognizerVersion == null || recognizerVersion.isBlank()) {
                throw new IllegalArgumentException("entities needs the recogniser's version fingerprint");
            }
        }

        /** The shipped recogniser, incremental. */
        public static Options standard() {
            return new Options(RecognizerVersion.of(List.of(), List.of()), false);
        }
    }

    /** What the stage wrote; {@code recognised} articles were new, changed, or recognised again. */
    public record Result(long articles, long recognised, long mentions, long entities) {}

    private static final StructType MENTION_ROW = Tables.MENTIONS_SCHEMA;

    private final SparkSession spark;
    /** The rules and knowledge base alone; null when {@link #learned} finds the mentions. */
    private final EntityRecognizer recognizer;
    /** Rules, knowledge base and a learned model together; null when the rules work alone. */
    private final LearnedNerModel learned;
    private final Options options;
    private final OutputLayout layout;

    public EntitiesStage(SparkSession spark, EntityRecognizer recognizer, Options options, OutputLayout layout) {
        this(spark, recognizer, null, options, layout);
    }

    /** Mentions of the rules and knowledge base merged with those of a learned model ({@code --ner-model}). */
    public EntitiesStage(SparkSession spark, LearnedNerModel learned, Options options, OutputLayout layout) {
        this(spark, null, learned, options, layout);
    }

    private EntitiesStage(SparkSession spark, EntityRecognizer recognizer, LearnedNerModel learned, Options options,
                          OutputLayout layout) {
        this.spark = spark;
        this.recognizer = recognizer;
        this.learned = learned;
        this.options = options;
        this.layout = layout;
    }

    public Result execute() {
        Dataset<Row> articles = spark.read().parquet(layout.table(Tables.ARTICLES))
                .select("doc_id", "content_hash", "text", "published_date", "duplicate_of");
        Dataset<Row> unchanged = unchangedArticles(articles);
        Dataset<Row> toRecognise = unchanged == null ? articles
                : articles.join(unchanged, Columns.joinKeys("doc_id"), "left_anti");
        describe("entities: count the new or changed articles");
        long recognised = toRecognise.count();

        describe("entities: recognise and link the entities of " + recognised + " new or changed articles");
        Dataset<Row> mentions = recognise(toRecognise);
        if (unchanged != null) {
            mentions = mentions.union(spark.read().parquet(layout.table(Tables.MENTIONS))
                    .join(unchanged, Columns.joinKeys("doc_id"), "left_semi")
                    .select(Columns.of(Tables.MENTIONS_SCHEMA)));
        }
        layout.writeTable(Tables.MENTIONS, mentions, Tables.MENTIONS_SCHEMA);
        // Written after mentions: killed in between, the next run recognises a few articles again.
        describe("entities: write table recognised");
        layout.writeTable(Tables.RECOGNISED, articles.select(col("doc_id"), col("content_hash"),
                lit(options.recognizerVersion()).as("recognizer_version")), Tables.RECOGNISED_SCHEMA);

        describe("entities: aggregate and write table entities");
        Dataset<Row> counted = spark.read().parquet(layout.table(Tables.MENTIONS))
                .join(articles.filter(col("duplicate_of").isNull()).select("doc_id", "published_date"),
                        Columns.joinKeys("doc_id"));
        layout.writeTable(Tables.ENTITIES, entities(counted), Tables.ENTITIES_SCHEMA);

        describe("entities: count what was written");
        return new Result(spark.read().parquet(layout.table(Tables.ARTICLES)).count(), recognised,
                spark.read().parquet(layout.table(Tables.MENTIONS)).count(),
                spark.read().parquet(layout.table(Tables.ENTITIES)).count());
    }

    /**
     * doc_id of the articles whose mentions can be kept: same content as when they were recognised, by
     * the same recogniser. Null when nothing can be kept (first run, {@code full}, or tables of an
     * older layout).
     */
    private Dataset<Row> unchangedArticles(Dataset<Row> articles) {
        if (options.full() || !layout.tableExists(Tables.MENTIONS) || !layout.tableExists(Tables.RECOGNISED)) {
            return null;
        }
        Dataset<Row> previous = spark.read().parquet(layout.table(Tables.MENTIONS));
        if (!Arrays.asList(previous.columns()).containsAll(Arrays.asList(Tables.MENTIONS_SCHEMA.fieldNames()))) {
            return null;
        }
        Dataset<Row> done = spark.read().parquet(layout.table(Tables.RECOGNISED))
                .filter(col("recognizer_version").equalTo(options.recognizerVersion()))
                .select("doc_id", "content_hash");
        return articles.select("doc_id", "content_hash")
                .join(done, Columns.joinKeys("doc_id", "content_hash"), "left_semi")
                .select("doc_id");
    }

    private Dataset<Row> recognise(Dataset<Row> articles) {
        Dataset<Row> input = articles.select("doc_id", "text", "published_date");
        if (learned != null) {
            FlatMapFunction<Row, Row> toRows = article -> mentionRows(article.getString(0),
                    LearnedNerModel.mentions(article.getList(3)));
            return learned.withMentions(input).flatMap(toRows, Encoders.row(MENTION_ROW));
        }
        Broadcast<EntityRecognizer> shared = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(recognizer);
        FlatMapFunction<Row, Row> findMentions = article -> recognise(article, shared.value());
        return input.flatMap(findMentions, Encoders.row(MENTION_ROW));
    }

    private static Iterator<Row> recognise(Row article, EntityRecognizer recognizer) {
        Date published = article.getDate(2);
        return mentionRows(article.getString(0),
                recognizer.recognize(article.getString(1), published == null ? null : published.toLocalDate()));
    }

    private static Iterator<Row> mentionRows(String docId, List<Mention> mentions) {
        return mentions.stream()
                .map(m -> RowFactory.create(docId, m.sentence(), m.start(), m.end(), m.surface(), m.entityId(),
                        m.entityType(), m.method(), m.confidence(), m.canonicalName()))
                .iterator();
    }

    /**
     * One row per entity: the canonical name and type it is given most often, every surface form, and
     * counts over the articles that count (one per duplicate group). The mentions are spread over
     * partitions by entity and sorted by entity and article, so each partition streams its entities
     * through an {@link EntityTally} one at a time.
     */
    private static Dataset<Row> entities(Dataset<Row> counted) {
        MapPartitionsFunction<Row, Row> tally = EntitiesStage::tallyInOrder;
        return counted.select("entity_id", "doc_id", "published_date", "canonical_name", "entity_type", "surface")
                .repartition(col("entity_id"))
                .sortWithinPartitions("entity_id", "doc_id")
                .mapPartitions(tally, Encoders.row(Tables.ENTITIES_SCHEMA));
    }

    /** Mentions sorted by entity and article in, one {@code entities} row per entity out, lazily. */
    private static Iterator<Row> tallyInOrder(Iterator<Row> mentions) {
        return new Iterator<>() {
            private Row next = mentions.hasNext() ? mentions.next() : null;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                EntityTally tally = new EntityTally(next.getString(0));
                while (next != null && next.getString(0).equals(tally.entityId())) {
                    tally.add(next.getString(1), next.isNullAt(2) ? null : next.getDate(2).toLocalDate(),
                            next.getString(3), next.getString(4), next.getString(5));
                    next = mentions.hasNext() ? mentions.next() : null;
                }
                EntityTally.Summary s = tally.summary();
                return RowFactory.create(s.entityId(), s.name(), s.entityType(), s.aliases().toArray(new String[0]),
                        s.nDocs(), s.nMentions(), sqlDate(s.firstDate()), sqlDate(s.lastDate()));
            }
        };
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private void describe(String what) {
        spark.sparkContext().setJobDescription(what);
    }
}
