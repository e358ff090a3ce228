package newslens.entities.learned;

import newslens.entities.kb.KnowledgeBase;
import newslens.entities.eval.NerCorpus;
import newslens.entities.eval.NerEvaluator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.johnsnowlabs.nlp.annotators.ner.crf.NerCrfModel;
import com.johnsnowlabs.nlp.embeddings.WordEmbeddings;
import com.johnsnowlabs.nlp.embeddings.WordEmbeddingsModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code train-ner}: trains the learned recogniser from annotated articles and saves it as a Spark ML pipeline.
 *
 * <ol>
 *   <li>Each article becomes sentences of the project's syllable tokens with feature tags and gold labels
 *       ({@link NerFeatures}), on the executors.</li>
 *   <li>Spark MLlib {@code Word2Vec} learns word vectors from those articles' tokens and, when given, an unlabelled
 *       corpus; they are written as the text file Spark NLP's {@code WordEmbeddings} reads.</li>
 *   <li>The word vectors are looked up on the executors ({@code WordEmbeddings}); Spark NLP's linear-chain CRF is
 *       then trained on the driver, on one thread, from sentences streamed a partition at a time
 *       ({@link CrfTrainer}): that step is not distributed, as in {@code NerCrfApproach}.</li>
 *   <li>The fitted pipeline [{@code WordEmbeddingsModel} → {@code NerCrfModel}] is saved.</li>
 * </ol>
 *
 * The model folder holds {@code pipeline/} (the fitted {@link PipelineModel}), {@code word-vectors.txt} and
 * {@code newslens-ner.json} ({@link NerModelDescription}).
 */
public final class NerTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(NerTrainer.class);
    static final String PIPELINE_DIR = "pipeline";
    static final String VECTORS_FILE = "word-vectors.txt";
    static final String DESCRIPTION_FILE = "newslens-ner.json";
    static final String FEATURES = "shape|rules-and-kb BIO tag";
    private static final String WORDS = "words";
    private static final String STORAGE_REF = "newslens_word2vec";

    /**
     * How to train.
     *
     * @param holdoutPercent   share of documents left out (by {@link NerCorpus#heldOut}) for scoring
     * @param seed             seed of the held-out choice, {@code Word2Vec} and the CRF
     * @param embeddingsCorpus a folder of unlabelled text files the word vectors also learn from, or null
     * @param vectorSize       dimensions of the word vectors
     * @param maxEpochs        the CRF's epoch limit
     */
    public record Options(int holdoutPercent, long seed, String embeddingsCorpus, int vectorSize, int maxEpochs) {

        /** The measured defaults (README, "Trainable NER"), with the given split and corpus. */
        public static Options defaults(int holdoutPercent, long seed, String embeddingsCorpus) {
            return new Options(holdoutPercent, seed, embeddingsCorpus, 16, 6);
        }
    }

    private NerTrainer() {
    }

    /** Trains on the documents of {@code corpus} not held out and saves the model to {@code modelOut}. */
    public static NerModelDescription train(SparkSession spark, NerCorpus corpus, KnowledgeBase kb, Options options,
                                            String modelOut) {
        long t0 = System.nanoTime();
        NerCorpus training = corpus.withoutHeldOut(options.holdoutPercent(), options.seed());
        if (training.size() == 0) {
            throw new IllegalArgumentException("no documents left to train on in " + corpus.source());
        }
        Broadcast<NerFeatures> features = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new NerFeatures(kb));
        Dataset<Row> labelled = labelledSentences(spark, training, features).persist(StorageLevel.MEMORY_AND_DISK());
        Path dir = new Path(modelOut);
        Dataset<Row> embedded = null;
        try {
            Word2VecModel vectors = wordVectors(spark, labelled, features, options);
            long vocabulary = writeVectors(spark, vectors, new Path(dir, VECTORS_FILE));
            LOG.info("train-ner: sentences prepared and {} word vectors learned in {} s", vocabulary, since(t0));
            Row counts = labelled.selectExpr("count(*)", "sum(size(sentence))", "sum(size(token))").first();
            List<String> labels = labels(labelled);
            Dataset<Row> annotated = NerAnnotations.typed(labelled, true);
            WordEmbeddingsModel embeddings = wordEmbeddings(new Path(dir, VECTORS_FILE), options).fit(annotated);
            // Vectors looked up in parallel once and kept off the heap, which the CRF needs on the driver.
            embedded = embeddings.transform(annotated).persist(StorageLevel.DISK_ONLY());
            embedded.count();
            labelled.unpersist();
            NerCrfModel crf = CrfTrainer.fit(embedded, options.maxEpochs(), (int) options.seed(), STORAGE_REF);
            LOG.info("train-ner: CRF trained after {} s", since(t0));
            save(new Pipeline().setStages(new PipelineStage[] {embeddings, crf}).fit(annotated),
                    new Path(dir, PIPELINE_DIR));
            NerModelDescription description = new NerModelDescription(Instant.now().toString(), corpus.source(),
                    options.holdoutPercent(), options.seed(), (int) counts.getLong(0), counts.getLong(1),
                    counts.getLong(2), labels, FEATURES, options.embeddingsCorpus(), options.vectorSize(),
                    vocabulary, options.maxEpochs(), since(t0), com.johnsnowlabs.util.Build.version());
            writeDescription(spark, description, new Path(dir, DESCRIPTION_FILE));
            return description;
        } finally {
            labelled.unpersist();
            if (embedded != null) {
                embedded.unpersist();
            }
        }
    }

    /** One row per article: its words (for the word vectors) and its annotation columns with labels. */
    private static Dataset<Row> labelledSentences(SparkSession spark, NerCorpus corpus,
                                                  Broadcast<NerFeatures> features) {
        StructType goldSchema = new StructType()
                .add("name", DataTypes.StringType, false)
                .add("text", DataTypes.StringType, false)
                .add("gold", DataTypes.createArrayType(new StructType()
                        .add("start", DataTypes.IntegerType, false)
                        .add("end", DataTypes.IntegerType, false)
                        .add("type", DataTypes.StringType, false)), false);
        List<Row> rows = corpus.articles().stream()
                .map(a -> RowFactory.create(a.name(), a.text(), a.gold().stream()
                        .map(s -> RowFactory.create(s.start(), s.end(), s.type())).toArray(Row[]::new)))
                .toList();
        StructType schema = new StructType()
                .add("name", DataTypes.StringType, false)
                .add(WORDS, DataTypes.createArrayType(DataTypes.StringType, false), false);
        for (var field : NerAnnotations.columns(true).fields()) {
            schema = schema.add(field);
        }
        MapFunction<Row, Row> label = article -> {
            String text = article.getString(1);
            List<NerEvaluator.Span> gold = article.<Row>getList(2).stream()
                    .map(s -> new NerEvaluator.Span(s.getInt(0), s.getInt(1), s.getString(2)))
                    .toList();
            List<NerSentence> sentences = features.value().labelled(text, gold);
            String[] words = sentences.stream().flatMap(s -> s.tokens().stream())
                    .map(t -> t.text().toLowerCase(Locale.ROOT)).toArray(String[]::new);
            sentences = TrainingSentences.withNames(sentences);
            List<Object> values = new ArrayList<>(List.of(article.getString(0), words));
            values.addAll(List.of(NerAnnotations.values(sentences, true)));
            return RowFactory.create(values.toArray());
        };
        return spark.createDataFrame(NerAnnotations.slices(spark, rows), goldSchema).map(label, Encoders.row(schema));
    }

    private static Word2VecModel wordVectors(SparkSession spark, Dataset<Row> labelled,
                                             Broadcast<NerFeatures> features, Options options) {
        Dataset<Row> words = labelled.select(WORDS);
        if (options.embeddingsCorpus() != null) {
            MapFunction<Row, Row> tokenize = file -> RowFactory.create(
                    (Object) features.value().words(file.getString(0)).toArray(String[]::new));
            words = words.union(spark.read().option("recursiveFileLookup", "true").option("wholetext", "true")
                    .text(options.embeddingsCorpus())
                    .map(tokenize, Encoders.row(labelled.select(WORDS).schema())));
        }
        return new Word2Vec()
                .setInputCol(WORDS)
                .setVectorSize(options.vectorSize())
                .setMinCount(2)
                .setSeed(options.seed())
                .setNumPartitions(spark.sparkContext().defaultParallelism())
                .fit(words);
    }

    /** Writes the vectors as {@code word v1 v2 ...} lines, the text format of Spark NLP's WordEmbeddings. */
    private static long writeVectors(SparkSession spark, Word2VecModel model, Path file) {
        List<Row> vectors = model.getVectors().collectAsList();
        try (OutputStream out = FileSystem.get(file.toUri(), spark.sparkContext().hadoopConfiguration())
                .create(file, true)) {
            for (Row row : vectors) {
                double[] values = row.<Vector>getAs(1).toArray();
                StringBuilder line = new StringBuilder(row.getString(0));
                for (double v : values) {
                    line.append(' ').append((float) v);
                }
                out.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vectors.size();
    }

    private static WordEmbeddings wordEmbeddings(Path vectors, Options options) {
        WordEmbeddings embeddings = new WordEmbeddings();
        embeddings.setStoragePath(vectors.toString(), "TEXT");
        embeddings.setDimension(options.vectorSize());
        embeddings.setStorageRef(STORAGE_REF);
        embeddings.setCaseSensitive(false);
        embeddings.setInputCols(new String[] {NerAnnotations.SENTENCE, NerAnnotations.TOKEN});
        embeddings.setOutputCol(NerAnnotations.EMBEDDINGS);
        return embeddings;
    }

    private static double since(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
    }

    private static void save(PipelineModel model, Path dir) {
        try {
            model.write().overwrite().save(dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> labels(Dataset<Row> labelled) {
        return labelled.selectExpr("explode(label.result) as tag").distinct().collectAsList().stream()
                .map(r -> r.getString(0))
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    private static void writeDescription(SparkSession spark, NerModelDescription description, Path file) {
        try (OutputStream out = FileSystem.get(file.toUri(), spark.sparkContext().hadoopConfiguration())
                .create(file, true)) {
            out.write(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(description));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
