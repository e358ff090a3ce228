package newslens.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import newslens.entities.learned.LearnedNerModel;
import newslens.entities.rules.EntityRecognizer;
import newslens.pipeline.Stage;
import newslens.pipeline.StageContext;
import newslens.pipeline.StageResult;
import newslens.table.Changes;
import newslens.table.Columns;
import newslens.table.CountedArticles;
import newslens.table.Tables;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stage {@code entities}: table {@code articles} → {@code mentions} and {@code entities}. The
 * recogniser (knowledge base included) is broadcast once to every executor; each article's mentions
 * are found where the article is, in its title and its text read as one document ({@link ArticleFields}).
 *
 * <p>Incremental: state {@code recognised} records which version of each article (its content hash)
 * the mentions come from and the {@link RecognizerVersion} that found them. An article whose text
 * and recogniser are unchanged keeps its mentions; only new or changed articles are recognised, and
 * the mentions of articles gone from {@code articles} are dropped. {@code --full} recognises every article.
 */
public final class EntitiesStage implements Stage {

    /** What the stage wrote; {@code recognised} articles were new, changed, or recognised again. */
    public record Result(long articles, long recognised, long mentions, long entities) implements StageResult {
        @Override
        public String summary() {
            return String.format("entities: %d articles (%d new or changed recognised) -> %d mentions of %d entities",
                    articles, recognised, mentions, entities);
        }
    }

    /** What the learned model reads: title and text joined ({@link ArticleFields}), and where the text starts. */
    private static final StructType LEARNED_INPUT = new StructType()
            .add("doc_id", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false)
            .add("published_date", DataTypes.DateType, true)
            .add("body_start", DataTypes.IntegerType, false);

    /** The rules and knowledge base alone; null when {@link #learned} finds the mentions. */
    private final EntityRecognizer recognizer;
    /** Rules, knowledge base and a learned model together; null when the rules work alone. */
    private final LearnedNerModel learned;
    /** Fingerprint of the recogniser in use ({@link RecognizerVersion#of}). */
    private final String recognizerVersion;

    /** The rules and knowledge base alone. */
    public EntitiesStage(EntityRecognizer recognizer, String recognizerVersion) {
        this(recognizer, null, recognizerVersion);
    }

    /** Mentions of the rules and knowledge base merged with those of a learned model ({@code --ner-model}). */
    public EntitiesStage(LearnedNerModel learned, String recognizerVersion) {
        this(null, learned, recognizerVersion);
    }

    private EntitiesStage(EntityRecognizer recognizer, LearnedNerModel learned, String recognizerVersion) {
        if (recognizerVersion == null || recognizerVersion.isBlank()) {
            throw new IllegalArgumentException("entities needs the recogniser's version fingerprint");
        }
        this.recognizer = recognizer;
        this.learned = learned;
        this.recognizerVersion = recognizerVersion;
    }

    @Override
    public Signature signature() {
        return new Signature("entities", List.of(Tables.ARTICLES), List.of(),
                List.of(Tables.MENTIONS, Tables.RECOGNISED, Tables.ENTITIES));
    }

    @Override
    public Result execute(StageContext context) {
        Dataset<Row> articles = context.table(Tables.ARTICLES)
                .select("doc_id", "content_hash", "title", "text", "published_date", "duplicate_of");
        Optional<Dataset<Row>> previousMentions = context.full() ? Optional.empty()
                : context.published(Tables.MENTIONS);
        Dataset<Row> unchanged = unchangedArticles(context, articles, previousMentions);
        Dataset<Row> toRecognise = unchanged == null ? articles
                : articles.join(unchanged, Columns.joinKeys("doc_id"), "left_anti");
        context.describe("count the new or changed articles");
        long recognised = toRecognise.count();

        context.describe("recognise and link the entities of " + recognised + " new or changed articles");
        Dataset<Row> mentions = recognise(context.spark(), toRecognise);
        if (unchanged != null) {
            mentions = mentions.union(previousMentions.get()
                    .join(unchanged, Columns.joinKeys("doc_id"), "left_semi")
                    .select(Columns.of(Tables.MENTIONS_SCHEMA)));
        }
        Dataset<Row> written = context.write(Tables.MENTIONS, mentions, true);
        // Written after mentions: killed in between, the next run recognises a few articles again.
        context.describe("write state recognised");
        context.write(Tables.RECOGNISED, articles.select(col("doc_id"), col("content_hash"),
                lit(recognizerVersion).as("recognizer_version")));

        context.describe("aggregate and write table entities");
        Dataset<Row> counted = written.join(CountedArticles.of(articles).select("doc_id", "published_date"),
                Columns.joinKeys("doc_id"));
        context.write(Tables.ENTITIES, entities(counted));

        context.release(written);
        context.describe("count the articles");
        return new Result(articles.count(), recognised, context.rowsWritten(Tables.MENTIONS),
                context.rowsWritten(Tables.ENTITIES));
    }

    /**
     * doc_id of the articles whose mentions can be kept: same content as when they were recognised, by
     * the same recogniser. Null when nothing can be kept (first run, {@code --full}, or tables of an
     * older layout).
     */
    private Dataset<Row> unchangedArticles(StageContext context, Dataset<Row> articles,
                                           Optional<Dataset<Row>> previousMentions) {
        Optional<Dataset<Row>> done = context.full() ? Optional.empty() : context.published(Tables.RECOGNISED);
        if (previousMentions.isEmpty() || done.isEmpty() || !Arrays.asList(previousMentions.get().columns())
                .containsAll(Arrays.asList(Tables.MENTIONS_SCHEMA.fieldNames()))) {
            return null;
        }
        return Changes.unchanged(articles.select("doc_id", "content_hash"),
                done.get().filter(col("recognizer_version").equalTo(recognizerVersion)), "doc_id", "content_hash")
                .select("doc_id");
    }

    /**
     * The mentions of each article's title and text, read together ({@link ArticleFields}). The learned model
     * reads the same joined text, in a column {@code text}, and its mentions are placed the same way.
     */
    private Dataset<Row> recognise(SparkSession spark, Dataset<Row> articles) {
        if (learned != null) {
            MapFunction<Row, Row> joinFields = article -> {
                ArticleFields fields = new ArticleFields(article.getString(1), article.getString(2));
                return RowFactory.create(article.getString(0), fields.recognisedText(), article.getDate(3),
                        fields.bodyStart());
            };
            Dataset<Row> input = articles.select("doc_id", "title", "text", "published_date")
                    .map(joinFields, Encoders.row(LEARNED_INPUT));
            FlatMapFunction<Row, Row> toRows = article -> mentionRows(article.getString(0),
                    ArticleFields.place(article.getInt(3), LearnedNerModel.mentions(article.getList(4))));
            return learned.withMentions(input).flatMap(toRows, Encoders.row(Tables.MENTIONS_SCHEMA));
        }
        Broadcast<EntityRecognizer> shared = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(recognizer);
        FlatMapFunction<Row, Row> findMentions = article -> recognise(article, shared.value());
        return articles.select("doc_id", "title", "text", "published_date")
                .flatMap(findMentions, Encoders.row(Tables.MENTIONS_SCHEMA));
    }

    private static Iterator<Row> recognise(Row article, EntityRecognizer recognizer) {
        ArticleFields fields = new ArticleFields(article.getString(1), article.getString(2));
        Date published = article.getDate(3);
        return mentionRows(article.getString(0), ArticleFields.place(fields.bodyStart(), recognizer.recognize(
                fields.recognisedText(), published == null ? null : published.toLocalDate())));
    }

    private static Iterator<Row> mentionRows(String docId, List<ArticleFields.FieldMention> mentions) {
        return mentions.stream()
                .map(placed -> {
                    Mention m = placed.mention();
                    return RowFactory.create(docId, placed.field(), m.sentence(), m.start(), m.end(), m.surface(),
                            m.entityId(), m.entityType(), m.method(), m.confidence(), m.canonicalName());
                })
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
}
