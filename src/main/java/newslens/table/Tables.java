package newslens.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output contract: every table newslens writes, with its Parquet schema. README's
 * "Table reference" documents the same columns; a change here is a change there.
 */
public final class Tables {
    private Tables() {}

    public static final String ARTICLES = "articles";
    public static final String REJECTS = "rejects";
    public static final String LEDGER = "ledger";
    public static final String MENTIONS = "mentions";
    public static final String ENTITIES = "entities";
    public static final String ENTITY_FREQUENCY = "entity_frequency";
    public static final String COOCCURRENCE = "cooccurrence";
    public static final String TOPICS = "topics";
    public static final String DOC_TOPICS = "doc_topics";
    public static final String TOPIC_FREQUENCY = "topic_frequency";
    public static final String TOPIC_LINEAGE = "topic_lineage";
    public static final String TOPIC_TERMS = "topic_terms";
    public static final String TRENDS = "trends";
    public static final String BURSTS = "bursts";
    public static final String DUPLICATE_GROUPS = "duplicate_groups";

    // Internal state, under <output>/_state/: what incremental runs need to know about the previous run.
    public static final String RECOGNISED = "recognised";
    public static final String AGGREGATED = "aggregated";
    public static final String FREQUENCY_STATE = "frequency_state";
    public static final String WINDOW_STATE = "window_state";
    public static final String PAIR_STATE = "pair_state";
    public static final String TOPIC_ASSIGNMENTS = "topic_assignments";
    public static final String DEDUP_SIGNATURES = "dedup_signatures";
    public static final String DEDUP_LINKS = "dedup_links";

    /** Internal state tables: not part of the public contract, kept under {@code <output>/_state/}. */
    public static final java.util.List<String> STATE =
            java.util.List.of(RECOGNISED, AGGREGATED, FREQUENCY_STATE, WINDOW_STATE, PAIR_STATE, TOPIC_ASSIGNMENTS,
                    DEDUP_SIGNATURES, DEDUP_LINKS);

    public static boolean isState(String name) {
        return STATE.contains(name);
    }

    /** Every table, in pipeline order. */
    public static final java.util.List<String> ALL =
            java.util.List.of(ARTICLES, REJECTS, LEDGER, DUPLICATE_GROUPS, MENTIONS, ENTITIES, ENTITY_FREQUENCY, COOCCURRENCE,
                    TOPICS, TOPIC_LINEAGE, TOPIC_TERMS, DOC_TOPICS, TOPIC_FREQUENCY, TRENDS, BURSTS);

    /**
     * One row per accepted article, copies included: {@code duplicate_of} is the head of the article's
     * duplicate group (null for heads and articles in no group), {@code duplicate_kind} {@code exact} (same
     * body as the head) or {@code near}, {@code duplicate_similarity} the word-shingle Jaccard to the head.
     */
    public static final StructType ARTICLES_SCHEMA = new StructType(new StructField[] {
        required("doc_id", DataTypes.StringType),
        required("source_path", DataTypes.StringType),
        required("content_hash", DataTypes.StringType),
        nullable("title", DataTypes.StringType),
        required("text", DataTypes.StringType),
        nullable("url", DataTypes.StringType),
        nullable("source", DataTypes.StringType),
        nullable("author", DataTypes.StringType),
        nullable("published_at", DataTypes.StringType),
        nullable("published_date", DataTypes.DateType),
        nullable("date_source", DataTypes.StringType),
        required("date_confidence", DataTypes.DoubleType),
        nullable("duplicate_of", DataTypes.StringType),
        nullable("duplicate_kind", DataTypes.StringType),
        nullable("duplicate_similarity", DataTypes.DoubleType),
        required("n_chars", DataTypes.IntegerType),
        required("run_id", DataTypes.StringType),
    });

    /**
     * One row per duplicate group (two or more articles that are copies of one story): its head, how many
     * articles and outlets carried it, their doc_ids, sources and URLs (sorted, distinct, nulls left out)
     * and the first and last publication date among its dated articles.
     */
    public static final StructType DUPLICATE_GROUPS_SCHEMA = new StructType(new StructField[] {
        required("head_doc_id", DataTypes.StringType),
        nullable("title", DataTypes.StringType),
        required("n_articles", DataTypes.LongType),
        required("n_near", DataTypes.LongType),
        required("n_outlets", DataTypes.LongType),
        required("doc_ids", DataTypes.createArrayType(DataTypes.StringType, false)),
        required("sources", DataTypes.createArrayType(DataTypes.StringType, false)),
        required("urls", DataTypes.createArrayType(DataTypes.StringType, false)),
        nullable("first_published", DataTypes.DateType),
        nullable("last_published", DataTypes.DateType),
    });

    /**
     * The near-duplicate signature of each distinct article body (by content hash) under the settings in
     * {@code settings}: its LSH band keys, its MinHash signature ({@code MinHashSignature.pack})
     * and its sorted word-shingle hashes ({@code Shingles.pack}: 8 bytes each), so that a later batch compares
     * its new articles with the archive without reading the archive's text.
     */
    public static final StructType DEDUP_SIGNATURES_SCHEMA = new StructType(new StructField[] {
        required("content_hash", DataTypes.StringType),
        required("band_keys", DataTypes.createArrayType(DataTypes.LongType, false)),
        required("minhash", DataTypes.BinaryType),
        required("shingles", DataTypes.BinaryType),
        required("settings", DataTypes.StringType),
    });

    /**
     * Pairs of distinct article bodies (first_hash before second_hash) that shared a band key and whose
     * shingle Jaccard is at least {@code dedup.minSimilarity}: the verified links a later batch keeps.
     */
    public static final StructType DEDUP_LINKS_SCHEMA = new StructType(new StructField[] {
        required("first_hash", DataTypes.StringType),
        required("second_hash", DataTypes.StringType),
        required("similarity", DataTypes.DoubleType),
    });

    /** One row per input (file or JSON line) that could not become an article, with the reason. */
    public static final StructType REJECTS_SCHEMA = new StructType(new StructField[] {
        required("source_path", DataTypes.StringType),
        required("reason", DataTypes.StringType),
        required("detail", DataTypes.StringType),
        required("n_bytes", DataTypes.LongType),
        required("run_id", DataTypes.StringType),
    });

    /**
     * One row per input file processed: what it was when read (size, modification time, content
     * hash) and what it gave. A file is read again only when its size or modification time changes.
     */
    public static final StructType LEDGER_SCHEMA = new StructType(new StructField[] {
        required("source_path", DataTypes.StringType),
        required("n_bytes", DataTypes.LongType),
        required("modification_time", DataTypes.LongType),
        nullable("file_hash", DataTypes.StringType),
        required("n_articles", DataTypes.LongType),
        required("n_rejects", DataTypes.LongType),
        required("run_id", DataTypes.StringType),
    });

    /**
     * One row per entity mention: the span {@code [start, end)} of the article's {@code field}, {@code title}
     * or {@code text}; {@code sentence} numbers the sentences of the whole article, the title's first.
     */
    public static final StructType MENTIONS_SCHEMA = new StructType(new StructField[] {
        required("doc_id", DataTypes.StringType),
        required("field", DataTypes.StringType),
        required("sentence", DataTypes.IntegerType),
        required("start", DataTypes.IntegerType),
        required("end", DataTypes.IntegerType),
        required("surface", DataTypes.StringType),
        required("entity_id", DataTypes.StringType),
        required("entity_type", DataTypes.StringType),
        required("method", DataTypes.StringType),
        required("confidence", DataTypes.DoubleType),
        required("canonical_name", DataTypes.StringType),
    });

    /**
     * Which version of each article (its content hash) the mentions were found in, and by which
     * recogniser: an incremental run recognises only articles whose text or recogniser changed.
     */
    public static final StructType RECOGNISED_SCHEMA = new StructType(new StructField[] {
        required("doc_id", DataTypes.StringType),
        required("content_hash", DataTypes.StringType),
        required("recognizer_version", DataTypes.StringType),
    });

    /**
     * One row per counted article (one per duplicate group) as the last {@code cooccurrence} run counted
     * it, with the options that shaped the counts ({@code counting}): a row that differs now marks its
     * periods to be counted again.
     */
    public static final StructType AGGREGATED_SCHEMA = new StructType(new StructField[] {
        required("doc_id", DataTypes.StringType),
        required("content_hash", DataTypes.StringType),
        nullable("published_date", DataTypes.DateType),
        nullable("recognizer_version", DataTypes.StringType),
        required("counting", DataTypes.StringType),
    });

    /**
     * Mentions per entity and base period: {@code granularity} day, week, month, or {@code undated}
     * (null period_start); {@code entity_frequency} is derived from it.
     */
    public static final StructType FREQUENCY_STATE_SCHEMA = new StructType(new StructField[] {
        required("granularity", DataTypes.StringType),
        nullable("period_start", DataTypes.DateType),
        required("entity_id", DataTypes.StringType),
        required("n_docs", DataTypes.LongType),
        required("n_mentions", DataTypes.LongType),
    });

    /** Windows holding each entity (and, with a null entity_id, holding any) per scope and base period. */
    public static final StructType WINDOW_STATE_SCHEMA = new StructType(new StructField[] {
        required("scope", DataTypes.StringType),
        required("granularity", DataTypes.StringType),
        nullable("period_start", DataTypes.DateType),
        nullable("entity_id", DataTypes.StringType),
        required("n_windows", DataTypes.LongType),
    });

    /** Every pair per scope and base period, before the support filter; {@code cooccurrence} is derived from it. */
    public static final StructType PAIR_STATE_SCHEMA = new StructType(new StructField[] {
        required("scope", DataTypes.StringType),
        required("granularity", DataTypes.StringType),
        nullable("period_start", DataTypes.DateType),
        required("entity_a", DataTypes.StringType),
        required("entity_b", DataTypes.StringType),
        required("n_windows", DataTypes.LongType),
        required("n_docs", DataTypes.LongType),
    });

    /**
     * Every article's topics under the topic model in use ({@code model_id}), with what topic_frequency
     * needs: kept so that later batches inferred with the same model add to the history.
     */
    public static final StructType TOPIC_ASSIGNMENTS_SCHEMA = new StructType(new StructField[] {
        required("model_id", DataTypes.StringType),
        required("doc_id", DataTypes.StringType),
        nullable("published_date", DataTypes.DateType),
        required("counted", DataTypes.BooleanType),
        required("topic_id", DataTypes.IntegerType),
        required("weight", DataTypes.DoubleType),
        required("is_top", DataTypes.BooleanType),
    });

    /** One row per entity: its canonical name, type, the surface forms met, and when it was seen. */
    public static final StructType ENTITIES_SCHEMA = new StructType(new StructField[] {
        required("entity_id", DataTypes.StringType),
        required("name", DataTypes.StringType),
        required("entity_type", DataTypes.StringType),
        required("aliases", DataTypes.createArrayType(DataTypes.StringType, false)),
        required("n_docs", DataTypes.LongType),
        required("n_mentions", DataTypes.LongType),
        nullable("first_date", DataTypes.DateType),
        nullable("last_date", DataTypes.DateType),
    });

    /** How many articles mention an entity per period (a duplicate group counts once). */
    public static final StructType ENTITY_FREQUENCY_SCHEMA = new StructType(new StructField[] {
        required("granularity", DataTypes.StringType),
        nullable("period_start", DataTypes.DateType),
        required("entity_id", DataTypes.StringType),
        required("n_docs", DataTypes.LongType),
        required("n_mentions", DataTypes.LongType),
    });

    /** Pairs of entities in the same sentence or article per period, with their association. */
    public static final StructType COOCCURRENCE_SCHEMA = new StructType(new StructField[] {
        required("granularity", DataTypes.StringType),
        nullable("period_start", DataTypes.DateType),
        required("scope", DataTypes.StringType),
        required("entity_a", DataTypes.StringType),
        required("entity_b", DataTypes.StringType),
        required("n_docs", DataTypes.LongType),
        required("n_windows", DataTypes.LongType),
        required("npmi", DataTypes.DoubleType),
    });

    /**
     * One row per topic of the model in use: learned (ids below 1000: 0 … k-1 for the first model, kept
     * or new ones after a refit, see topic_lineage) and user-defined (1000 …).
     */
    public static final StructType TOPICS_SCHEMA = new StructType(new StructField[] {
        required("topic_id", DataTypes.IntegerType),
        required("label", DataTypes.StringType),
        required("terms", DataTypes.createArrayType(DataTypes.StringType, false)),
        required("model_id", DataTypes.StringType),
    });

    /**
     * Every topic model's topics and how each relates to the model fitted before it: kept (same id),
     * new, merged (a previous topic joined with a kept one) or retired; similarity is the cosine of
     * the two topics' term distributions (for new and retired topics, the best found).
     */
    public static final StructType TOPIC_LINEAGE_SCHEMA = new StructType(new StructField[] {
        required("model_id", DataTypes.StringType),
        nullable("topic_id", DataTypes.IntegerType),
        nullable("previous_model_id", DataTypes.StringType),
        nullable("previous_topic_id", DataTypes.IntegerType),
        nullable("similarity", DataTypes.DoubleType),
        required("kind", DataTypes.StringType),
    });

    /**
     * What each learned topic was about in each month: its 10 words of highest class-based TF-IDF in the
     * articles (one per duplicate group, dated) whose top topic it was that month, rank 1 the highest.
     */
    public static final StructType TOPIC_TERMS_SCHEMA = new StructType(new StructField[] {
        required("granularity", DataTypes.StringType),
        required("period_start", DataTypes.DateType),
        required("topic_id", DataTypes.IntegerType),
        required("rank", DataTypes.IntegerType),
        required("term", DataTypes.StringType),
        required("weight", DataTypes.DoubleType),
    });

    /** An article's topics: those with weight at least the threshold, and always its top learned one. */
    public static final StructType DOC_TOPICS_SCHEMA = new StructType(new StructField[] {
        required("doc_id", DataTypes.StringType),
        required("topic_id", DataTypes.IntegerType),
        required("weight", DataTypes.DoubleType),
    });

    /** Articles whose top topic it is, and the sum of weights, per period (a duplicate group counts once). */
    public static final StructType TOPIC_FREQUENCY_SCHEMA = new StructType(new StructField[] {
        required("granularity", DataTypes.StringType),
        nullable("period_start", DataTypes.DateType),
        required("topic_id", DataTypes.IntegerType),
        required("n_docs", DataTypes.LongType),
        required("weight", DataTypes.DoubleType),
    });

    /**
     * How each key (kind {@code entity}: an entity_id; {@code pair}: {@code entity_a|entity_b} of the
     * document scope; {@code topic}: a topic_id) stands in a day or week against its trailing baseline:
     * score = (n_docs - baseline_mean) / baseline_sd, rank 1 the highest score of its granularity,
     * period and kind (ties by key). Only periods where the key was seen, once it has enough history and support.
     */
    public static final StructType TRENDS_SCHEMA = new StructType(new StructField[] {
        required("granularity", DataTypes.StringType),
        required("period_start", DataTypes.DateType),
        required("kind", DataTypes.StringType),
        required("key", DataTypes.StringType),
        required("n_docs", DataTypes.LongType),
        required("baseline_mean", DataTypes.DoubleType),
        required("baseline_sd", DataTypes.DoubleType),
        required("score", DataTypes.DoubleType),
        required("rank", DataTypes.IntegerType),
    });

    /**
     * Bursts of a key's share of the articles (Kleinberg's automaton): the periods {@code [start, end]}
     * (first days of the periods, both included) spent at {@code level} or above, the period with the
     * most articles, and the key's articles over the burst. A level-2 burst lies inside a level-1 one.
     */
    public static final StructType BURSTS_SCHEMA = new StructType(new StructField[] {
        required("kind", DataTypes.StringType),
        required("key", DataTypes.StringType),
        required("granularity", DataTypes.StringType),
        required("start", DataTypes.DateType),
        required("end", DataTypes.DateType),
        required("level", DataTypes.IntegerType),
        required("peak_period", DataTypes.DateType),
        required("n_docs", DataTypes.LongType),
    });

    /** The contract schema of a public or internal table, by name. */
    public static StructType schemaOf(String name) {
        StructType schema = SCHEMAS.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("no table named '" + name + "' in the contract");
        }
        return schema;
    }

    private static final java.util.Map<String, StructType> SCHEMAS = java.util.Map.ofEntries(
            java.util.Map.entry(ARTICLES, ARTICLES_SCHEMA), java.util.Map.entry(REJECTS, REJECTS_SCHEMA),
            java.util.Map.entry(LEDGER, LEDGER_SCHEMA), java.util.Map.entry(MENTIONS, MENTIONS_SCHEMA),
            java.util.Map.entry(ENTITIES, ENTITIES_SCHEMA), java.util.Map.entry(ENTITY_FREQUENCY, ENTITY_FREQUENCY_SCHEMA),
            java.util.Map.entry(COOCCURRENCE, COOCCURRENCE_SCHEMA), java.util.Map.entry(TOPICS, TOPICS_SCHEMA),
            java.util.Map.entry(TOPIC_LINEAGE, TOPIC_LINEAGE_SCHEMA), java.util.Map.entry(TOPIC_TERMS, TOPIC_TERMS_SCHEMA),
            java.util.Map.entry(DOC_TOPICS, DOC_TOPICS_SCHEMA),
            java.util.Map.entry(TOPIC_FREQUENCY, TOPIC_FREQUENCY_SCHEMA),
            java.util.Map.entry(TRENDS, TRENDS_SCHEMA), java.util.Map.entry(BURSTS, BURSTS_SCHEMA),
            java.util.Map.entry(RECOGNISED, RECOGNISED_SCHEMA), java.util.Map.entry(AGGREGATED, AGGREGATED_SCHEMA),
            java.util.Map.entry(FREQUENCY_STATE, FREQUENCY_STATE_SCHEMA), java.util.Map.entry(WINDOW_STATE, WINDOW_STATE_SCHEMA),
            java.util.Map.entry(PAIR_STATE, PAIR_STATE_SCHEMA),
            java.util.Map.entry(TOPIC_ASSIGNMENTS, TOPIC_ASSIGNMENTS_SCHEMA),
            java.util.Map.entry(DUPLICATE_GROUPS, DUPLICATE_GROUPS_SCHEMA),
            java.util.Map.entry(DEDUP_SIGNATURES, DEDUP_SIGNATURES_SCHEMA),
            java.util.Map.entry(DEDUP_LINKS, DEDUP_LINKS_SCHEMA));

    private static StructField required(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, false);
    }

    private static StructField nullable(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
