package newslens.entities.learned;

import newslens.entities.kb.KnowledgeBase;
import newslens.entities.Mention;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import newslens.table.Tables;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A model saved by {@link NerTrainer}, loaded to find entities: over a dataset of articles it runs the rules and
 * knowledge base, prepares tokens and feature tags, applies the pipeline (word vectors, CRF), and merges the
 * learned spans with the rules' mentions ({@link LearnedSpanMerger}), all on the executors, article by article.
 */
public final class LearnedNerModel {

    /** The column {@link #withMentions} adds: the article's mentions, fields as in {@link Mention}. */
    public static final String MENTIONS = "mentions";
    /**
     * A mention in an article's array: a row of the {@code mentions} table without its {@code doc_id} and
     * {@code field} (offsets into the text the model read).
     */
    static final StructType MENTION = new StructType(Arrays.stream(Tables.MENTIONS_SCHEMA.fields())
            .filter(field -> !field.name().equals("doc_id") && !field.name().equals("field"))
            .toArray(StructField[]::new));
    private static final String RULE_MENTIONS = "rule_mentions";

    private final PipelineModel pipeline;
    private final NerModelDescription description;
    private final NerFeatures features;
    private final LearnedSpanMerger merger;

    private LearnedNerModel(PipelineModel pipeline, NerModelDescription description, KnowledgeBase kb) {
        this.pipeline = pipeline;
        this.description = description;
        this.features = new NerFeatures(kb);
        this.merger = new LearnedSpanMerger(kb);
    }

    /** The model saved in {@code dir}, merged with the knowledge base {@code kb}. */
    public static LearnedNerModel load(SparkSession spark, String dir, KnowledgeBase kb) {
        Path root = new Path(dir);
        Path descriptionFile = new Path(root, NerTrainer.DESCRIPTION_FILE);
        NerModelDescription description;
        try (InputStream in = FileSystem.get(descriptionFile.toUri(), spark.sparkContext().hadoopConfiguration())
                .open(descriptionFile)) {
            description = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, NerModelDescription.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a newslens NER model folder: " + dir, e);
        }
        return new LearnedNerModel(PipelineModel.load(new Path(root, NerTrainer.PIPELINE_DIR).toString()),
                description, kb);
    }

    public NerModelDescription description() {
        return description;
    }

    /** What tells this model from another (its description, as JSON), for the recogniser's version fingerprint. */
    public String identity() {
        try {
            return new ObjectMapper().writeValueAsString(description);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code articles} with a column {@value #MENTIONS} added: each article's mentions, rules and learned model
     * merged. The articles need a column {@code text} (NFC) and may have {@code published_date}, which resolves
     * office titles to their holders as the rules do.
     */
    public Dataset<Row> withMentions(Dataset<Row> articles) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(articles.sparkSession().sparkContext());
        Broadcast<NerFeatures> sharedFeatures = context.broadcast(features);
        Broadcast<LearnedSpanMerger> sharedMerger = context.broadcast(merger);
        StructType input = articles.schema();
        int textIndex = input.fieldIndex("text");
        int dateIndex = Arrays.asList(input.fieldNames()).indexOf("published_date");

        StructType preparedSchema = input.add(RULE_MENTIONS, DataTypes.createArrayType(MENTION, false), false);
        for (var field : NerAnnotations.columns(false).fields()) {
            preparedSchema = preparedSchema.add(field);
        }
        MapFunction<Row, Row> prepare = article -> {
            Date date = dateIndex < 0 ? null : article.getDate(dateIndex);
            NerFeatures.Prepared prepared = sharedFeatures.value().prepare(article.getString(textIndex),
                    date == null ? null : date.toLocalDate());
            List<Object> values = fieldValues(article);
            values.add(mentionRows(prepared.ruleMentions()));
            values.addAll(List.of(NerAnnotations.values(prepared.sentences(), false)));
            return RowFactory.create(values.toArray());
        };
        Dataset<Row> tagged = pipeline.transform(
                NerAnnotations.typed(articles.map(prepare, Encoders.row(preparedSchema)), false));

        int fields = input.size();
        MapFunction<Row, Row> merge = row -> {
            List<LearnedSpan> learned = LearnedSpan.decode(NerAnnotations.taggedTokens(
                    row.getList(fields + 1), row.getList(fields + 2)));
            List<Mention> mentions = sharedMerger.value().merge(row.getString(textIndex),
                    mentions(row.getList(fields)), learned);
            List<Object> values = fieldValues(row).subList(0, fields);
            values.add(mentionRows(mentions));
            return RowFactory.create(values.toArray());
        };
        List<org.apache.spark.sql.Column> kept = new ArrayList<>();
        for (String name : input.fieldNames()) {
            kept.add(tagged.col(name));
        }
        kept.addAll(List.of(tagged.col(RULE_MENTIONS), tagged.col(NerAnnotations.SENTENCE),
                tagged.col(NerAnnotations.NER)));
        return tagged.select(kept.toArray(org.apache.spark.sql.Column[]::new))
                .map(merge, Encoders.row(input.add(MENTIONS, DataTypes.createArrayType(MENTION, false), false)));
    }

    private static List<Object> fieldValues(Row row) {
        List<Object> values = new ArrayList<>(row.size() + 4);
        for (int i = 0; i < row.size(); i++) {
            values.add(row.get(i));
        }
        return values;
    }

    /**
     * The mentions as the values of an array column: a Scala {@code Seq}, which {@link Row#getList} reads also where
     * Spark hands the row to the next function without serialising it.
     */
    static scala.collection.Seq<Row> mentionRows(List<Mention> mentions) {
        List<Row> rows = mentions.stream()
                .map(m -> RowFactory.create(m.sentence(), m.start(), m.end(), m.surface(), m.entityId(),
                        m.entityType(), m.method(), m.confidence(), m.canonicalName()))
                .toList();
        return scala.collection.JavaConverters.asScalaBuffer(rows);
    }

    public static List<Mention> mentions(List<Row> rows) {
        return rows.stream()
                .map(r -> new Mention(r.getInt(0), r.getInt(1), r.getInt(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getDouble(7), r.getString(8)))
                .toList();
    }
}
