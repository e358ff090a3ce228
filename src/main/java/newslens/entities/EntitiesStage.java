package newslens.entities;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Date;
import java.util.Iterator;
import newslens.io.OutputLayout;
import newslens.io.Tables;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Stage {@code entities}: table {@code articles} → {@code mentions} and {@code entities}, in one
 * pass over the articles. The recogniser (knowledge base included) is broadcast once to every
 * executor; each article's mentions are found where the article is.
 */
public final class EntitiesStage {

    /** What the stage wrote. */
    public record Result(long articles, long mentions, long entities) {}

    /** Mentions as the recogniser returns them: the table's columns plus the entity's canonical name. */
    private static final StructType RECOGNISED_SCHEMA = Tables.MENTIONS_SCHEMA
            .add("canonical_name", DataTypes.StringType, false)
            .add("published_date", DataTypes.DateType, true)
            .add("counted", DataTypes.BooleanType, false);

    private final SparkSession spark;
    private final EntityRecognizer recognizer;
    private final OutputLayout layout;

    public EntitiesStage(SparkSession spark, EntityRecognizer recognizer, OutputLayout layout) {
        this.spark = spark;
        this.recognizer = recognizer;
        this.layout = layout;
    }

    public Result execute() {
        describe("entities: recognise and link the entities of every article");
        Dataset<Row> recognised = recognise().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            describe("entities: write table mentions");
            layout.writeTable(Tables.MENTIONS, recognised, Tables.MENTIONS_SCHEMA);
            describe("entities: aggregate and write table entities");
            layout.writeTable(Tables.ENTITIES, entities(recognised), Tables.ENTITIES_SCHEMA);
        } finally {
            recognised.unpersist();
        }
        describe("entities: count what was written");
        return new Result(spark.read().parquet(layout.table(Tables.ARTICLES)).count(),
                spark.read().parquet(layout.table(Tables.MENTIONS)).count(),
                spark.read().parquet(layout.table(Tables.ENTITIES)).count());
    }

    private Dataset<Row> recognise() {
        Broadcast<EntityRecognizer> shared = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(recognizer);
        FlatMapFunction<Row, Row> findMentions = article -> recognise(article, shared.value());
        return spark.read().parquet(layout.table(Tables.ARTICLES))
                .select("doc_id", "text", "published_date", "duplicate_of")
                .flatMap(findMentions, Encoders.row(RECOGNISED_SCHEMA));
    }

    private static Iterator<Row> recognise(Row article, EntityRecognizer recognizer) {
        String docId = article.getString(0);
        String text = article.getString(1);
        Date published = article.getDate(2);
        boolean counted = article.isNullAt(3);
        return recognizer.recognize(text, published == null ? null : published.toLocalDate()).stream()
                .map(m -> RowFactory.create(docId, m.sentence(), m.start(), m.end(), m.surface(), m.entityId(),
                        m.entityType(), m.method(), m.confidence(), m.canonicalName(), published, counted))
                .iterator();
    }

    /**
     * One row per entity: the canonical name and type it is given most often, every surface form,
     * and counts over the articles that count (one per duplicate group).
     */
    private static Dataset<Row> entities(Dataset<Row> recognised) {
        Dataset<Row> counted = recognised.filter(col("counted"));
        Dataset<Row> names = mostFrequent(counted, "canonical_name", "name");
        Dataset<Row> types = mostFrequent(counted, "entity_type", "entity_type");
        Dataset<Row> stats = counted.groupBy("entity_id").agg(
                array_sort(collect_set("surface")).as("aliases"),
                countDistinct("doc_id").as("n_docs"),
                count(lit(1)).as("n_mentions"),
                min("published_date").as("first_date"),
                max("published_date").as("last_date"));
        return stats.join(names, "entity_id").join(types, "entity_id");
    }

    private static Dataset<Row> mostFrequent(Dataset<Row> rows, String column, String as) {
        return rows.groupBy(col("entity_id"), col(column).as(as)).agg(count(lit(1)).as("n"))
                .withColumn("rank", row_number().over(Window.partitionBy("entity_id").orderBy(desc("n"), col(as))))
                .filter(col("rank").equalTo(1))
                .select("entity_id", as);
    }

    private void describe(String what) {
        spark.sparkContext().setJobDescription(what);
    }
}
