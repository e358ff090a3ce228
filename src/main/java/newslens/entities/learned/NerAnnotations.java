package newslens.entities.learned;

import static org.apache.spark.sql.functions.col;

import com.johnsnowlabs.nlp.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * {@link NerSentence}s as the Spark NLP annotation columns the learned pipeline reads: {@code sentence}
 * (document annotations, one per sentence), {@code token}, {@code pos} (the feature tags) and, for training,
 * {@code label}. Built here rather than by Spark NLP's own tokenizer and sentence detector, so the model sees the
 * project's syllable tokens and sentences in training and in use alike. Spark NLP offsets are inclusive.
 */
final class NerAnnotations {

    static final String SENTENCE = "sentence";
    static final String TOKEN = "token";
    static final String POS = "pos";
    static final String LABEL = "label";
    static final String EMBEDDINGS = "embeddings";
    static final String NER = "ner";

    private static final String DOCUMENT_TYPE = "document";
    private static final String TOKEN_TYPE = "token";
    private static final String POS_TYPE = "pos";
    private static final String NAMED_ENTITY_TYPE = "named_entity";
    private static final String SENTENCE_KEY = "sentence";
    private static final float[] NO_EMBEDDINGS = new float[0];
    private static final int ARTICLES_PER_SLICE = 20;

    private NerAnnotations() {
    }

    /** The annotation columns: sentence, token, pos, and label when {@code labelled}. */
    static StructType columns(boolean labelled) {
        StructType columns = new StructType()
                .add(SENTENCE, Annotation.arrayType(), false)
                .add(TOKEN, Annotation.arrayType(), false)
                .add(POS, Annotation.arrayType(), false);
        return labelled ? columns.add(LABEL, Annotation.arrayType(), false) : columns;
    }

    /** The values of {@link #columns} for one article's sentences. */
    static Object[] values(List<NerSentence> sentences, boolean labelled) {
        List<Row> sentenceAnnotations = new ArrayList<>();
        List<Row> tokens = new ArrayList<>();
        List<Row> tags = new ArrayList<>();
        List<Row> labels = new ArrayList<>();
        for (NerSentence sentence : sentences) {
            scala.collection.Map<String, String> inSentence = scalaMap(Map.of(SENTENCE_KEY,
                    String.valueOf(sentence.index())));
            sentenceAnnotations.add(annotation(DOCUMENT_TYPE, sentence.start(), sentence.end(), "", inSentence));
            for (NerToken token : sentence.tokens()) {
                tokens.add(annotation(TOKEN_TYPE, token.start(), token.end(), token.text(), inSentence));
                tags.add(annotation(POS_TYPE, token.start(), token.end(), token.feature(), inSentence));
                if (labelled) {
                    labels.add(annotation(NAMED_ENTITY_TYPE, token.start(), token.end(), token.label(), inSentence));
                }
            }
        }
        List<Row[]> values = new ArrayList<>(List.of(array(sentenceAnnotations), array(tokens), array(tags)));
        if (labelled) {
            values.add(array(labels));
        }
        return values.toArray();
    }

    /**
     * The dataset with the annotator type recorded on each annotation column, which Spark NLP annotators check
     * their input columns by.
     */
    static Dataset<Row> typed(Dataset<Row> rows, boolean labelled) {
        List<Column> columns = new ArrayList<>();
        for (String name : rows.columns()) {
            String type = switch (name) {
                case SENTENCE -> DOCUMENT_TYPE;
                case TOKEN -> TOKEN_TYPE;
                case POS -> POS_TYPE;
                case LABEL -> labelled ? NAMED_ENTITY_TYPE : null;
                default -> null;
            };
            columns.add(type == null ? col(name)
                    : col(name).as(name, new MetadataBuilder().putString("annotatorType", type).build()));
        }
        return rows.select(columns.toArray(Column[]::new));
    }

    /** The model's labels of one tagged row, in text order: each token's sentence, offsets (end exclusive), label. */
    static List<LearnedSpan.TaggedToken> taggedTokens(List<Row> sentences, List<Row> ner) {
        List<LearnedSpan.TaggedToken> tokens = new ArrayList<>(ner.size());
        int s = 0;
        for (Row label : ner) {
            int begin = label.getInt(1);
            while (s + 1 < sentences.size() && sentences.get(s).getInt(2) < begin) {
                s++;
            }
            int sentence = Integer.parseInt(sentences.get(s).<scala.collection.Map<String, String>>getAs(4)
                    .apply(SENTENCE_KEY));
            tokens.add(new LearnedSpan.TaggedToken(sentence, begin, label.getInt(2) + 1, label.getString(3)));
        }
        return tokens;
    }

    /**
     * Articles held by the driver (gold files) as an RDD of small partitions: the annotators take a second or
     * more an article, so many small tasks balance the cores better than one big slice each.
     */
    static JavaRDD<Row> slices(SparkSession spark, List<Row> articles) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return context.parallelize(articles, Math.max(context.defaultParallelism(),
                articles.size() / ARTICLES_PER_SLICE));
    }

    private static Row annotation(String type, int start, int end, String result,
                                  scala.collection.Map<String, String> metadata) {
        return RowFactory.create(type, start, end - 1, result, metadata, NO_EMBEDDINGS);
    }

    private static scala.collection.Map<String, String> scalaMap(Map<String, String> map) {
        return JavaConverters.mapAsScalaMap(map);
    }

    private static Row[] array(List<Row> rows) {
        return rows.toArray(Row[]::new);
    }
}
