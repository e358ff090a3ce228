package newslens.topics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newslens.pipeline.Stage;
import newslens.pipeline.StageContext;
import newslens.pipeline.StageResult;
import newslens.table.Changes;
import newslens.table.Columns;
import newslens.table.CountedArticles;
import newslens.table.Granularity;
import newslens.table.OutputLayout;
import newslens.table.Periods;
import newslens.table.Tables;
import newslens.text.WordSegmenter;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.clustering.DistributedLDAModel;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Stage {@code topics}: table {@code articles} (and {@code mentions} when present) → {@code topics},
 * {@code topic_terms}, {@code topic_lineage}, {@code doc_topics} and {@code topic_frequency}.
 *
 * <p>Fitting (first run, or {@code refit}): multi-syllable words are learned from the corpus
 * ({@link CollocationLearner}) on top of the shipped lexicon, articles become word counts over a
 * pruned vocabulary, and an LDA is fitted (EM by default: on corpora of hundreds to thousands of
 * articles it finds clearly better topics than online LDA, and is deterministic given the seed); all three are saved under
 * {@code <output>/models/topics/<model_id>}. Later runs load the latest saved model and only infer,
 * so a topic keeps its id from batch to batch.
 *
 * <p>Counting rules: the model is fitted on one article per duplicate group; every article,
 * duplicates included, gets {@code doc_topics} rows (its learned topics with weight ≥
 * {@code minWeight}, always its top one, and its user topics); {@code topic_frequency} counts one
 * article per duplicate group, undated articles only under {@code all}. An article whose text has no
 * word of the vocabulary gets no learned topic. Assignments of every batch inferred with the same
 * model are kept with the model ({@code assignments}), so {@code doc_topics} and
 * {@code topic_frequency} cover all batches: an article seen again replaces its earlier rows.
 * A refit infers every article of the run again under the new model; its topics that match the previous
 * model's keep their ids ({@link TopicLineage}, table {@code topic_lineage}), so their history goes on.
 * {@code topic_terms} holds each learned topic's words per month, from the same inference.
 */
public final class TopicsStage implements Stage {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TopicsStage.class);


    /**
     * Options of the stage, validated up front.
     *
     * @param k                   learned topics
     * @param optimizer           {@code "em"} (batch EM, the default, also when absent) or {@code "online"}
     *                            (mini-batches: for corpora too large for EM's per-iteration passes)
     * @param maxIterations       LDA iterations (EM passes, or online mini-batches)
     * @param docConcentration    LDA alpha, the prior of topics in an article; 0 for Spark's default
     *                            (EM needs values above 1)
     * @param topicConcentration  LDA beta, the prior of words in a topic; 0 for Spark's default
     *                            (EM needs values above 1)
     * @param subsamplingRate     online only: share of the corpus in each mini-batch
     * @param learningOffset      online only: tau0; small values let early mini-batches count, which a
     *                            corpus of hundreds of articles needs (Spark's default, 1024, suits millions)
     * @param seed                LDA seed: the same corpus and options give the same model
     * @param collocationPasses   passes of collocation learning (pass n can build words of n+1 syllables)
     * @param minCollocationCount times a pair must be seen to become a word
     * @param minCollocationNpmi  NPMI a pair needs to become a word
     * @param minDocFrequency     articles a word must appear in to enter the vocabulary
     * @param maxDocShare         largest share of articles a vocabulary word may appear in
     * @param maxVocabulary       largest vocabulary (the most frequent words are kept)
     * @param entityTokens        add the entity ids of the article's mentions as tokens
     * @param minWeight           weight from which a learned topic gets a {@code doc_topics} row
     * @param refit               fit a new model even when one is saved
     * @param userTopics          named topics defined by keywords and entity ids, numbered from 1000 in this order
     * @param minKeywordHits      keyword occurrences an article needs to be on a user topic
     * @param maxFitArticles      largest number of articles a fit reads: above it, a sample chosen by a
     *                            hash of doc_id (the same articles every time); every article is still
     *                            inferred. EM's cost grows with the articles times the iterations, and
     *                            topics are as well defined by 10,000 articles as by a million
     * @param minLineageSimilarity cosine of term distributions from which a refit's topic is the previous
     *                            model's topic again and keeps its id ({@link TopicLineage})
     */
    public record Options(int k, String optimizer, int maxIterations, double docConcentration, double topicConcentration,
            double subsamplingRate, double learningOffset, long seed, int collocationPasses, long minCollocationCount,
            double minCollocationNpmi, int minDocFrequency, double maxDocShare, int maxVocabulary,
            boolean entityTokens, double minWeight, boolean refit, Map<String, List<String>> userTopics,
            int minKeywordHits, int maxFitArticles, double minLineageSimilarity) {

        public Options {
            require(k >= 2, "topics.k must be at least 2, got " + k);
            optimizer = optimizer == null ? EM : optimizer;
            require(optimizer.equals(EM) || optimizer.equals(ONLINE),
                    "topics.optimizer must be '" + EM + "' or '" + ONLINE + "', got '" + optimizer + "'");
            if (optimizer.equals(EM)) {
                require(docConcentration == 0 || docConcentration > 1,
                        "topics.docConcentration must be 0 (default) or above 1 with the em optimizer, got "
                                + docConcentration);
                require(topicConcentration == 0 || topicConcentration > 1,
                        "topics.topicConcentration must be 0 (default) or above 1 with the em optimizer, got "
                                + topicConcentration);
            }
            require(maxIterations >= 1, "topics.maxIterations must be at least 1, got " + maxIterations);
            require(docConcentration >= 0, "topics.docConcentration must be 0 (default) or positive, got "
                    + docConcentration);
            require(topicConcentration >= 0, "topics.topicConcentration must be 0 (default) or positive, got "
                    + topicConcentration);
            require(subsamplingRate > 0 && subsamplingRate <= 1,
                    "topics.subsamplingRate must be in (0, 1], got " + subsamplingRate);
            require(learningOffset > 0, "topics.learningOffset must be positive, got " + learningOffset);
            require(collocationPasses >= 0 && collocationPasses < WordSegmenter.MAX_WORD_SYLLABLES,
                    "topics.collocationPasses must be 0 to " + (WordSegmenter.MAX_WORD_SYLLABLES - 1) + ", got "
                            + collocationPasses);
            require(minCollocationCount >= 2, "topics.minCollocationCount must be at least 2, got "
                    + minCollocationCount);
            require(minCollocationNpmi > 0 && minCollocationNpmi <= 1,
                    "topics.minCollocationNpmi must be in (0, 1], got " + minCollocationNpmi);
            require(minDocFrequency >= 1, "topics.minDocFrequency must be at least 1, got " + minDocFrequency);
            require(maxDocShare > 0 && maxDocShare <= 1, "topics.maxDocShare must be in (0, 1], got " + maxDocShare);
            require(maxVocabulary >= k, "topics.maxVocabulary must be at least k (" + k + "), got " + maxVocabulary);
            require(minWeight > 0 && minWeight <= 1, "topics.minWeight must be in (0, 1], got " + minWeight);
            require(minKeywordHits >= 1, "topics.minKeywordHits must be at least 1, got " + minKeywordHits);
            require(maxFitArticles >= k, "topics.maxFitArticles must be at least k (" + k + "), got " + maxFitArticles);
            require(minLineageSimilarity > 0 && minLineageSimilarity <= 1,
                    "topics.minLineageSimilarity must be in (0, 1], got " + minLineageSimilarity);
            userTopics = Collections.unmodifiableMap(new LinkedHashMap<>(userTopics == null ? Map.of() : userTopics));
            userTopicList(userTopics);
        }

        /** The same options with {@code k} learned topics ({@code --topics K}). */
        public Options withK(int newK) {
            return new Options(newK, optimizer, maxIterations, docConcentration, topicConcentration, subsamplingRate,
                    learningOffset, seed, collocationPasses, minCollocationCount, minCollocationNpmi, minDocFrequency,
                    maxDocShare, maxVocabulary, entityTokens, minWeight, refit, userTopics, minKeywordHits,
                    maxFitArticles, minLineageSimilarity);
        }

        /** The same options, fitting a new model even when one is saved ({@code --refit}). */
        public Options withRefit() {
            return new Options(k, optimizer, maxIterations, docConcentration, topicConcentration, subsamplingRate,
                    learningOffset, seed, collocationPasses, minCollocationCount, minCollocationNpmi, minDocFrequency,
                    maxDocShare, maxVocabulary, entityTokens, minWeight, true, userTopics, minKeywordHits,
                    maxFitArticles, minLineageSimilarity);
        }

        public List<UserTopic> userTopicList() {
            return userTopicList(userTopics);
        }

        private static List<UserTopic> userTopicList(Map<String, List<String>> userTopics) {
            List<UserTopic> topics = new ArrayList<>();
            userTopics.forEach((name, keywords) ->
                    topics.add(new UserTopic(UserTopic.FIRST_ID + topics.size(), name, keywords)));
            return topics;
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** Phrases a topic reads as one term (offices, bodies): added to the word lexicon before collocations. */
    static final String PHRASES_RESOURCE = "newslens/topics/phrases.txt";
    public static final String EM = "em";
    public static final String ONLINE = "online";

    /** What the stage did: which model, whether it was fitted now, and how long fitting and inference took. */
    public record Result(String modelId, boolean fitted, long articles, long docTopicRows, long topicFrequencyRows,
            long fitMillis, long inferMillis, String skippedBecause) implements StageResult {

        @Override
        public String summary() {
            if (skippedBecause != null) {
                return "topics: no topic model fitted: " + skippedBecause;
            }
            return String.format("topics: model %s (%s), %d articles -> %d doc_topics rows, %d topic_frequency rows",
                    modelId, fitted ? "fitted now" : "saved model", articles, docTopicRows, topicFrequencyRows);
        }

        /** No model and too few articles to fit one: the stage writes nothing and says why. */
        static Result skipped(long articles, String why) {
            return new Result(null, false, articles, 0, 0, 0, 0, why);
        }
    }

    private final Options options;

    public TopicsStage(Options options) {
        this.options = options;
    }

    /** readsIfPresent: the entity ids of an article's mentions are tokens of its own (topics.entityTokens). */
    @Override
    public Signature signature() {
        return new Signature("topics", List.of(Tables.ARTICLES), List.of(Tables.MENTIONS),
                List.of(Tables.TOPICS, Tables.TOPIC_LINEAGE, Tables.TOPIC_TERMS, Tables.DOC_TOPICS,
                        Tables.TOPIC_FREQUENCY, Tables.TOPIC_ASSIGNMENTS));
    }

    @Override
    public Result execute(StageContext context) {
        return new Execution(context).execute();
    }

    /** The word segmenter with the phrases of {@value #PHRASES_RESOURCE}, the base collocations are learned on. */
    static WordSegmenter topicSegmenter() {
        return WordSegmenter.withLexicon().plus(WordSegmenter.readLines(PHRASES_RESOURCE));
    }

    /** One execution: load or fit the model, infer every article's topics, write the tables. */
    private final class Execution {
        private final StageContext context;
        private final SparkSession spark;
        private final OutputLayout layout;
        private final StopWords stopWords = StopWords.standard();

        Execution(StageContext context) {
            this.context = context;
            this.spark = context.spark();
            this.layout = context.layout();
        }

        Result execute() {
            context.describe("read articles");
            Dataset<Row> articles = articles().persist(StorageLevel.MEMORY_AND_DISK());
            try {
                long fitStart = System.nanoTime();
                TopicModel latest = TopicModel.latest(fileSystem(), modelsFolder()).orElse(null);
                TopicModel saved = options.refit() ? null : latest;
                long counted = saved == null ? articles.filter(col("counted")).count() : 0;
                String tooFew = saved == null ? tooFewToFit(counted) : null;
                if (tooFew != null) {
                    LOG.warn("topics: no topic model fitted: {}", tooFew);
                    return Result.skipped(articles.count(), tooFew);
                }
                TopicModel model = saved != null ? saved : fit(articles, counted, latest);
                long fitMillis = saved != null ? 0 : elapsedMillis(fitStart);

                long inferStart = System.nanoTime();
                Dataset<Row> inferred = infer(model, articles).persist(StorageLevel.MEMORY_AND_DISK());
                Dataset<Row> assigned = assign(model, articles, inferred).persist(StorageLevel.MEMORY_AND_DISK());
                context.describe("infer topics of the articles");
                assigned.count();
                long inferMillis = elapsedMillis(inferStart);
                try {
                    context.describe("write table topic_terms");
                    context.write(Tables.TOPIC_TERMS, periodTerms(model, inferred));
                    inferred.unpersist();
                    Dataset<Row> assignments = keepWithModel(model, articles, assigned);
                    context.describe("write table topics");
                    context.write(Tables.TOPICS, topics(model));
                    context.describe("write table topic_lineage");
                    context.write(Tables.TOPIC_LINEAGE, lineage());
                    context.describe("write table doc_topics");
                    context.write(Tables.DOC_TOPICS, assignments);
                    context.describe("write table topic_frequency");
                    context.write(Tables.TOPIC_FREQUENCY, topicFrequency(assignments));
                    context.release(assignments);
                } finally {
                    assigned.unpersist();
                    inferred.unpersist();
                }
                context.describe("count the articles");
                return new Result(model.modelId(), saved == null, articles.count(),
                        context.rowsWritten(Tables.DOC_TOPICS), context.rowsWritten(Tables.TOPIC_FREQUENCY), fitMillis,
                        inferMillis, null);
            } finally {
                articles.unpersist();
            }
        }

        /**
         * Null when {@code n} articles can carry a model; else why not. A vocabulary word must be in at
         * least minDocFrequency articles and at most maxDocShare of them, so fewer than
         * minDocFrequency / maxDocShare articles leave no possible vocabulary, and fewer than k articles
         * cannot tell k topics apart.
         */
        private String tooFewToFit(long n) {
            long needed = Math.max(options.k(), (long) Math.ceil(options.minDocFrequency() / options.maxDocShare()));
            return n >= needed ? null : n + " articles (one per duplicate group), fewer than the " + needed
                    + " that topics.k, topics.minDocFrequency and topics.maxDocShare need";
        }

        /** At most about maxFitArticles articles, chosen by a hash of doc_id and the seed: the same ones every time. */
        private Dataset<Row> fitSample(Dataset<Row> counted, long countedArticles) {
            if (countedArticles <= options.maxFitArticles()) {
                return counted;
            }
            long buckets = 1_000_000;
            long kept = (long) ((double) options.maxFitArticles() / countedArticles * buckets);
            LOG.info("topics: fitting on about {} of {} articles (topics.maxFitArticles)", options.maxFitArticles(),
                    countedArticles);
            return counted.filter(pmod(xxhash64(col("doc_id"), lit(options.seed())), lit(buckets)).lt(kept));
        }

        /** doc_id, text (title and body), published_date, counted (one per duplicate group), entities. */
        private Dataset<Row> articles() {
            Dataset<Row> articles = context.table(Tables.ARTICLES)
                    .select(col("doc_id"), concat_ws("\n", col("title"), col("text")).as("text"), col("published_date"),
                            CountedArticles.isCounted().as("counted"));
            Dataset<Row> withEntities;
            java.util.Optional<Dataset<Row>> mentions = context.tableIfPresent(Tables.MENTIONS);
            if (mentions.isPresent()) {
                Dataset<Row> entities = mentions.get()
                        .groupBy("doc_id").agg(collect_list("entity_id").as("entities"));
                withEntities = articles.join(entities, Columns.joinKeys("doc_id"), "left");
            } else {
                withEntities = articles.withColumn("entities", lit(null));
            }
            return withEntities.withColumn("entities", coalesce(col("entities").cast("array<string>"),
                    array().cast("array<string>")));
        }

        /** Fits a model on the counted articles; its topics keep the ids of {@code previous}'s they match. */
        private TopicModel fit(Dataset<Row> articles, long countedArticles, TopicModel previous) {
            Dataset<Row> counted = fitSample(articles.filter(col("counted")), countedArticles);
            context.describe("learn collocations");
            WordSegmenter lexicon = topicSegmenter();
            List<String> collocations = new CollocationLearner(options.collocationPasses(), options.minCollocationCount(),
                    options.minCollocationNpmi(), stopWords).learn(counted.select("text"), lexicon);
            ArticleTokens tokens = new ArticleTokens(lexicon.plus(collocations), stopWords, options.entityTokens());
            Dataset<Row> documents = counted.select(tokensOf(tokens).apply(col("text"), col("entities")).as("tokens"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                context.describe("build the vocabulary");
                long n = documents.count();
                // CountVectorizer reads maxDF >= 1 as a number of articles: hand it one, never a share.
                CountVectorizerModel vocabulary = new CountVectorizer().setInputCol("tokens").setOutputCol("features")
                        .setMinDF(options.minDocFrequency())
                        .setMaxDF(Math.max(1.0, Math.floor(options.maxDocShare() * n)))
                        .setVocabSize(options.maxVocabulary())
                        .fit(documents);
                context.describe("fit LDA");
                LDA lda = new LDA().setK(options.k()).setOptimizer(options.optimizer())
                        .setMaxIter(options.maxIterations()).setSeed(options.seed())
                        .setFeaturesCol("features").setTopicDistributionCol("topic_distribution");
                if (options.optimizer().equals(ONLINE)) {
                    lda.setSubsamplingRate(options.subsamplingRate()).setLearningOffset(options.learningOffset());
                }
                if (options.docConcentration() > 0) {
                    lda.setDocConcentration(options.docConcentration());
                }
                if (options.topicConcentration() > 0) {
                    lda.setTopicConcentration(options.topicConcentration());
                }
                LocalLDAModel fitted = fitLda(lda, vocabulary.transform(documents));
                TopicModel model = withIds(new TopicModel(layout.runId(), collocations, vocabulary, fitted,
                        TopicLineage.first(options.k()), null), previous);
                context.describe("save the model");
                model.save(fileSystem(), modelsFolder());
                return model;
            } finally {
                documents.unpersist();
            }
        }

        /**
         * Fits {@code lda} with the run's checkpoint folder as Spark's: EM checkpoints its graph every
         * 10 iterations when the context has a checkpoint folder, and without one each iteration's lineage
         * grows and so does its cost (news-dev, 80 iterations: 28.6 s without, 17 to 19 s with). The
         * folder is this run's, under its staging folder, and deleted once the model is local.
         */
        private LocalLDAModel fitLda(LDA lda, Dataset<Row> features) {
            Path checkpoints = layout.scratch("checkpoints");
            spark.sparkContext().setCheckpointDir(checkpoints.toString());
            try {
                LDAModel trained = lda.fit(features);
                // EM keeps its state on the cluster; inference and saving need the local form, which
                // does not inherit the column names.
                LocalLDAModel fitted = trained instanceof DistributedLDAModel distributed
                        ? distributed.toLocal() : (LocalLDAModel) trained;
                fitted.setFeaturesCol("features").setTopicDistributionCol("topic_distribution");
                return fitted;
            } finally {
                try {
                    fileSystem().delete(checkpoints, true);
                } catch (IOException e) {
                    LOG.warn("topics: could not delete the fit's checkpoints {}: {}", checkpoints, e.toString());
                }
            }
        }

        /** The model with its topics matched to {@code previous}'s (none: the first ids, 0 … k-1). */
        private TopicModel withIds(TopicModel fitted, TopicModel previous) {
            if (previous == null) {
                return fitted;
            }
            context.describe("match the topics to the previous model's");
            TopicLineage.Ids ids = TopicLineage.match(previous.topicTerms(), previous.ids().topicIds(),
                    previous.ids().nextTopicId(), fitted.topicTerms(), options.minLineageSimilarity());
            if (ids.nextTopicId() > UserTopic.FIRST_ID) {
                throw new IllegalStateException("topics: refits have used the learned topic ids up to "
                        + (UserTopic.FIRST_ID - 1) + ", where user topics start; fit into a new output folder");
            }
            LOG.info("topics: {} of {} topics keep their ids from model {}", ids.links().stream()
                    .filter(link -> link.kind().equals(TopicLineage.KEPT)).count(), options.k(), previous.modelId());
            return new TopicModel(fitted.modelId(), fitted.collocations(), fitted.vocabulary(), fitted.lda(), ids,
                    previous.modelId());
        }

        /** Every saved model's topics and how they relate to the model before it, oldest model first. */
        private Dataset<Row> lineage() {
            List<Row> rows = new ArrayList<>();
            for (TopicModel.Info info : TopicModel.savedInfos(fileSystem(), modelsFolder())) {
                for (TopicLineage.Link link : info.ids(info.k()).links()) {
                    rows.add(RowFactory.create(info.modelId(), link.topicId(),
                            link.previousTopicId() == null ? null : info.previousModelId(), link.previousTopicId(),
                            link.similarity(), link.kind()));
                }
            }
            return spark.createDataFrame(rows, Tables.TOPIC_LINEAGE_SCHEMA);
        }

        /**
         * Every article tokenised once and inferred: doc_id, published_date, counted, {@code features} (its
         * vocabulary word counts), {@code weights} (by LDA index) and {@code top}, the LDA index of its
         * highest weight (all weights are 0 when it has no vocabulary word).
         */
        private Dataset<Row> infer(TopicModel model, Dataset<Row> articles) {
            ArticleTokens tokens = new ArticleTokens(topicSegmenter().plus(model.collocations()), stopWords,
                    options.entityTokens());
            return model.lda().transform(model.vocabulary()
                            .transform(articles.withColumn("tokens", tokensOf(tokens).apply(col("text"), col("entities")))))
                    .select(col("doc_id"), col("published_date"), col("counted"), col("features"),
                            org.apache.spark.ml.functions.vector_to_array(col("topic_distribution"), "float64")
                                    .as("weights"))
                    .withColumn("top", expr("array_position(weights, array_max(weights)) - 1").cast("int"));
        }

        /** A column of the published topic id of the LDA index in column {@code index}. */
        private static Column topicIdOf(TopicModel model, Column index) {
            Column[] topicIds = model.ids().topicIds().stream().map(functions::lit).toArray(Column[]::new);
            return element_at(array(topicIds), index.plus(1));
        }

        /**
         * What each learned topic was about in each month: the {@value TopicLabels#PERIOD_TERMS} words of
         * the topic's articles that month (counted and dated, by top topic) with the highest class-based
         * TF-IDF ({@link TopicLabels#classIdf}): a word's share of those articles' words times its
         * distinctiveness for the topic over the whole model.
         */
        private Dataset<Row> periodTerms(TopicModel model, Dataset<Row> inferred) {
            String[] vocabulary = model.vocabulary().vocabulary();
            double[] idf = TopicLabels.classIdf(model.termWeights());
            List<Row> words = new ArrayList<>();
            for (int term = 0; term < vocabulary.length; term++) {
                if (!TopicLabels.isEntityToken(vocabulary[term])) {
                    words.add(RowFactory.create(term, vocabulary[term], idf[term]));
                }
            }
            Dataset<Row> wordIdf = spark.createDataFrame(words, new StructType()
                    .add("term_index", DataTypes.IntegerType).add("term", DataTypes.StringType)
                    .add("idf", DataTypes.DoubleType));
            StructType countSchema = new StructType().add("topic_id", DataTypes.IntegerType)
                    .add("period_start", DataTypes.DateType).add("term_index", DataTypes.IntegerType)
                    .add("count", DataTypes.DoubleType);
            Dataset<Row> counts = inferred
                    .filter(col("counted").and(col("published_date").isNotNull()).and(expr("array_max(weights) > 0")))
                    .select(topicIdOf(model, col("top")).as("topic_id"),
                            Granularity.MONTH.periodStart(col("published_date")).as("period_start"), col("features"))
                    .flatMap((FlatMapFunction<Row, Row>) row -> {
                        List<Row> termCounts = new ArrayList<>();
                        Object topic = row.get(0);
                        Object month = row.get(1);
                        ((Vector) row.get(2)).foreachActive((term, count) -> {
                            termCounts.add(RowFactory.create(topic, month, term, count));
                            return null;
                        });
                        return termCounts.iterator();
                    }, Encoders.row(countSchema))
                    .groupBy("topic_id", "period_start", "term_index").agg(sum("count").as("count"))
                    .join(broadcast(wordIdf), Columns.joinKeys("term_index"));
            WindowSpec topicMonth = Window.partitionBy("topic_id", "period_start");
            return counts
                    .withColumn("weight", col("count").divide(sum("count").over(topicMonth)).multiply(col("idf")))
                    .withColumn("rank", row_number().over(topicMonth.orderBy(col("weight").desc(), col("term"))))
                    .filter(col("rank").leq(TopicLabels.PERIOD_TERMS))
                    .select(lit(Granularity.MONTH.code()).as("granularity"), col("period_start"), col("topic_id"),
                            col("rank"), col("term"), col("weight"));
        }

        /**
         * One row per (article, topic) kept from {@code inferred}: learned topics with weight ≥ minWeight or
         * the article's top one, and the user topics it is on (from the text of {@code articles}).
         */
        private Dataset<Row> assign(TopicModel model, Dataset<Row> articles, Dataset<Row> inferred) {
            WordSegmenter segmenter = topicSegmenter().plus(model.collocations());
            Dataset<Row> learned = inferred
                    .select(col("doc_id"), col("published_date"), col("counted"), col("top"),
                            posexplode(col("weights")).as(new String[] {"index", "weight"}))
                    .withColumn("is_top", col("index").equalTo(col("top")))
                    .filter(col("weight").gt(0).and(col("is_top").or(col("weight").geq(options.minWeight()))))
                    .withColumn("topic_id", topicIdOf(model, col("index")))
                    .drop("top", "index");
            List<UserTopic> userTopics = options.userTopicList();
            if (userTopics.isEmpty()) {
                return learned;
            }
            int minHits = options.minKeywordHits();
            UserDefinedFunction userWeights = udf((UDF2<String, Seq<String>, List<Double>>) (text, entities) -> {
                List<List<String>> phrases = segmenter.phrases(text);
                List<String> ids = JavaConverters.seqAsJavaList(entities);
                return userTopics.stream().map(topic -> topic.weight(phrases, ids, minHits)).toList();
            }, DataTypes.createArrayType(DataTypes.DoubleType));
            // A user topic is a model of its own with one topic: an article on it has it as its top topic.
            Dataset<Row> defined = articles
                    .select(col("doc_id"), col("published_date"), col("counted"),
                            posexplode(userWeights.apply(col("text"), col("entities"))).as(new String[] {"index", "weight"}))
                    .filter(col("weight").gt(0))
                    .withColumn("topic_id", col("index").plus(UserTopic.FIRST_ID))
                    .withColumn("is_top", lit(true))
                    .drop("index");
            return learned.unionByName(defined);
        }

        /**
         * This run's assignments, merged with those kept with the same model by earlier runs (an article
         * of this run replaces its earlier rows), saved with the model and returned as saved.
         */
        private Dataset<Row> keepWithModel(TopicModel model, Dataset<Row> articles, Dataset<Row> assigned) {
            Dataset<Row> merged = assigned.withColumn("model_id", lit(model.modelId()));
            java.util.Optional<Dataset<Row>> previous = context.published(Tables.TOPIC_ASSIGNMENTS);
            if (previous.isPresent()) {
                Dataset<Row> sameModel = previous.get().filter(col("model_id").equalTo(model.modelId()));
                merged = Changes.newOrChanged(sameModel, articles, "doc_id").unionByName(merged);
            }
            context.describe("keep the assignments with the model");
            return context.write(Tables.TOPIC_ASSIGNMENTS, merged, true);
        }

        /** n_docs: articles whose top topic it is; weight: the sum of the articles' weights on it. */
        private static Dataset<Row> topicFrequency(Dataset<Row> assignments) {
            return Periods.withPeriods(assignments.filter(col("counted")))
                    .groupBy("granularity", "period_start", "topic_id")
                    .agg(sum(when(col("is_top"), 1L).otherwise(0L)).as("n_docs"), sum("weight").as("weight"));
        }

        /**
         * Learned topics with their most probable words and a label of their most relevant ones
         * ({@link TopicLabels}), then the user topics with their name and keywords.
         */
        private Dataset<Row> topics(TopicModel model) {
            String[] vocabulary = model.vocabulary().vocabulary();
            List<List<Integer>> relevantTerms = TopicLabels.byRelevance(model.termWeights(),
                    TopicLabels.RELEVANCE_LAMBDA, TopicLabels.TOP_TERMS);
            List<Row> rows = new ArrayList<>();
            for (Row topic : model.lda().describeTopics(TopicLabels.TOP_TERMS).collectAsList()) {
                int index = topic.<Integer>getAs("topic");
                List<String> terms = new ArrayList<>();
                for (Object term : topic.getList(topic.fieldIndex("termIndices"))) {
                    terms.add(vocabulary[(Integer) term]);
                }
                List<String> relevant = relevantTerms.get(index).stream().map(term -> vocabulary[term]).toList();
                rows.add(RowFactory.create(model.topicId(index), TopicLabels.label(relevant),
                        JavaConverters.asScalaBuffer(terms).toSeq(), model.modelId()));
            }
            for (UserTopic topic : options.userTopicList()) {
                rows.add(RowFactory.create(topic.topicId(), topic.name(),
                        JavaConverters.asScalaBuffer(topic.keywords()).toSeq(), model.modelId()));
            }
            return spark.createDataFrame(rows, Tables.TOPICS_SCHEMA);
        }

        private static UserDefinedFunction tokensOf(ArticleTokens tokens) {
            return udf((UDF2<String, Seq<String>, List<String>>) (text, entities) ->
                    tokens.of(text, JavaConverters.seqAsJavaList(entities)),
                    DataTypes.createArrayType(DataTypes.StringType));
        }

        private Path modelsFolder() {
            return TopicModel.modelsFolder(layout.root());
        }

        private FileSystem fileSystem() {
            try {
                return layout.fileSystem();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
