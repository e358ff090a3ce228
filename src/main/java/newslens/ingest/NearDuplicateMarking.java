package newslens.ingest;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newslens.ingest.dedup.DedupOptions;
import newslens.ingest.dedup.DuplicateGroups;
import newslens.ingest.dedup.LshBands;
import newslens.ingest.dedup.MinHashFamily;
import newslens.ingest.dedup.MinHashSignature;
import newslens.ingest.dedup.Shingles;
import newslens.pipeline.StageContext;
import newslens.table.Columns;
import newslens.table.Tables;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Groups the accepted articles into duplicate groups, exact and near copies alike, for ingest to mark.
 *
 * <p>The algorithm, over distinct bodies (content hashes: articles with one hash are one body and always one
 * group), in six steps:
 * <ol>
 *   <li><b>Sign</b> the bodies not signed before: word shingles, their MinHash signature and its LSH band
 *       keys ({@link newslens.ingest.dedup}), kept on the executors (a local checkpoint). Signatures of earlier
 *       batches come from {@code _state/dedup_signatures} when made with the same settings, so a nightly batch
 *       reads the text of its new articles only.</li>
 *   <li><b>Candidates</b>: pairs of bodies that share a band key, at least one of them new in this batch
 *       (pairs of two old bodies were verified by the batch that brought the later one), whose signatures
 *       agree enough that the pair may reach the threshold ({@link DedupOptions#minEstimate}). The keys shared
 *       by two bodies are found first by counting keys alone, so only the few bodies holding one move.</li>
 *   <li><b>Verify</b> each candidate by the exact Jaccard of the two shingle sets, fetched for the bodies in
 *       some candidate pair only; keep those at or above {@code dedup.minSimilarity}. With the still valid
 *       links of earlier batches they are the links.</li>
 *   <li><b>Group</b> on the driver ({@link DuplicateGroups}): the articles of linked bodies (each link
 *       limited to articles within {@code dedup.maxDaysApart} days) and of bodies shared by several articles,
 *       and only those, so the driver holds what is duplicated, not the corpus.</li>
 *   <li><b>Store</b> the links, then the signatures, as {@code _state/dedup_links} and
 *       {@code _state/dedup_signatures}: after everything that reads the previous state, since storing replaces
 *       it. In that order, a run stopped between the two leaves its bodies unsigned, so the run that redoes it
 *       signs and links them again (a link found twice is stored once); the other order would leave them
 *       signed and never linked.</li>
 *   <li><b>Describe</b> each group in {@code duplicate_groups}: head, copies, outlets, URLs, first and last
 *       publication.</li>
 * </ol>
 * Signatures and links depend only on the bodies, and grouping only on the set of articles and links, so
 * batch A then batch B gives the groups of A and B in one run.
 */
final class NearDuplicateMarking {

    /** A copy: its head, exact or near, and its similarity to the head. */
    static final StructType MEMBER_SCHEMA = new StructType()
            .add("doc_id", DataTypes.StringType, false)
            .add("duplicate_of", DataTypes.StringType, false)
            .add("duplicate_kind", DataTypes.StringType, false)
            .add("duplicate_similarity", DataTypes.DoubleType, false);

    /** What marking found: the copies (a few percent of the articles), and what it cost. */
    record Marking(Dataset<Row> members, long nearCopies, long groups, long bodiesSigned, double seconds) {}

    private final DedupOptions options;
    private final StageContext context;
    private final SparkSession spark;

    NearDuplicateMarking(DedupOptions options, StageContext context) {
        this.options = options;
        this.context = context;
        this.spark = context.spark();
    }

    /**
     * The settings a signature and a link depend on: stored with the signatures, compared on reuse. The
     * storage format is one of them, so state written by an older version is signed again, not misread.
     */
    String settings() {
        return "shingleSize=" + options.shingleSize() + ";numHashes=" + options.numHashes() + ";bands="
                + options.bands() + ";seed=" + MinHashFamily.DEFAULT_SEED + ";minSimilarity="
                + options.minSimilarity() + ";signature=packed32;shingles=packed64";
    }

    /**
     * Groups {@code accepted} (doc_id, content_hash, published_date, text, run_id, title, source, url: every
     * article the table will hold) and writes {@code duplicate_groups} and the dedup state.
     *
     * @param incremental whether the dedup state of an earlier run may be reused
     */
    Marking mark(Dataset<Row> accepted, boolean incremental) {
        long start = System.nanoTime();
        context.describe("near duplicates: keys of the articles");
        // Kept on the executors and cut from ingest's plan (a local checkpoint): each step below reads these
        // columns, and planning them from the parse again cost seconds per step.
        Dataset<Row> docs = accepted.select("doc_id", "content_hash", "published_date", "title", "source", "url")
                .localCheckpoint(true);
        try {
            Previous previous = incremental ? previous(docs) : emptyPrevious();
            Dataset<Row> bodiesToSign = accepted
                    .filter(previous.usable() ? col("run_id").equalTo(context.layout().runId()) : lit(true))
                    .select("doc_id", "content_hash", "text")
                    .join(broadcast(laterDocsOfSameBody(docs)), Columns.joinKeys("doc_id"), "left_anti");
            if (previous.usable()) {
                bodiesToSign = bodiesToSign.join(previous.signatures().select("content_hash"),
                        Columns.joinKeys("content_hash"), "left_anti");
            }
            context.describe("near duplicates: sign new article bodies");
            // Cut from ingest's plan: every step below starts from these rows rather than re-planning the parse.
            Dataset<Row> signed = sign(bodiesToSign.select("content_hash", "text"), options, settings())
                    .localCheckpoint(true);
            try {
                Dataset<Row> allSignatures = previous.usable() ? previous.signatures().union(signed) : signed;
                context.describe("near duplicates: candidate pairs");
                List<Row> candidates = candidates(signed, previous.usable() ? previous.signatures() : null);
                context.describe("near duplicates: verify candidate pairs by their shingles");
                List<Row> verified = verify(candidates, allSignatures, options.minSimilarity());
                // The still valid links of earlier batches and this batch's; distinct when this run redoes one
                // that stopped after storing its links (see the class comment).
                Dataset<Row> links = previous.links()
                        .union(spark.createDataFrame(verified, Tables.DEDUP_LINKS_SCHEMA)).distinct();
                context.describe("near duplicates: group the linked articles");
                Grouping grouping = group(docs, links, allSignatures);
                long bodiesSigned = signed.count();
                // After every read of the previous state: storing replaces its files.
                context.describe("near duplicates: store signatures and links");
                context.write(Tables.DEDUP_LINKS, links);
                context.write(Tables.DEDUP_SIGNATURES, allSignatures);
                Dataset<Row> members = spark.createDataFrame(grouping.memberRows(), MEMBER_SCHEMA);
                context.describe("write table duplicate_groups");
                context.write(Tables.DUPLICATE_GROUPS, describeGroups(docs, members));
                return new Marking(members, grouping.nearCopies(), grouping.groups().size(), bodiesSigned,
                        (System.nanoTime() - start) / 1e9);
            } finally {
                context.release(signed);
            }
        } finally {
            context.release(docs);
        }
    }

    /**
     * The dedup state of the last run, without the bodies no article has any more (found from the hashes
     * alone, so no signature moves to drop them); none when it is missing or was made with other settings.
     */
    private record Previous(Dataset<Row> signatures, Dataset<Row> links, boolean usable) {
    }

    private Previous previous(Dataset<Row> docs) {
        Optional<Dataset<Row>> signatures = context.published(Tables.DEDUP_SIGNATURES);
        Optional<Dataset<Row>> links = context.published(Tables.DEDUP_LINKS);
        if (signatures.isEmpty() || links.isEmpty()) {
            return emptyPrevious();
        }
        context.describe("near duplicates: check the stored signatures");
        if (!signatures.get().filter(col("settings").notEqual(settings())).isEmpty()) {
            return emptyPrevious();
        }
        // Collected now (a few hashes: bodies of removed or changed files), before this run replaces the
        // stored signatures it is found from.
        List<Row> goneRows = signatures.get().select("content_hash")
                .join(docs.select("content_hash"), Columns.joinKeys("content_hash"), "left_anti")
                .collectAsList();
        Dataset<Row> gone = spark.createDataFrame(goneRows,
                new StructType().add("content_hash", DataTypes.StringType, false));
        Dataset<Row> goneFirst = broadcast(gone.withColumnRenamed("content_hash", "first_hash"));
        Dataset<Row> goneSecond = broadcast(gone.withColumnRenamed("content_hash", "second_hash"));
        return new Previous(
                signatures.get().join(broadcast(gone), Columns.joinKeys("content_hash"), "left_anti")
                        .select(Columns.of(Tables.DEDUP_SIGNATURES_SCHEMA)),
                links.get().join(goneFirst, Columns.joinKeys("first_hash"), "left_anti")
                        .join(goneSecond, Columns.joinKeys("second_hash"), "left_anti")
                        .select(Columns.of(Tables.DEDUP_LINKS_SCHEMA)),
                true);
    }

    private Previous emptyPrevious() {
        return new Previous(null, spark.createDataFrame(List.of(), Tables.DEDUP_LINKS_SCHEMA), false);
    }

    /** Articles whose body an article with a smaller doc_id has too: one signature per body is enough. */
    private static Dataset<Row> laterDocsOfSameBody(Dataset<Row> docs) {
        Dataset<Row> firstOfBody = docs.groupBy("content_hash").agg(min("doc_id").as("first_doc_id"),
                count(lit(1)).as("n"))
                .filter(col("n").gt(1));
        return docs.join(firstOfBody, Columns.joinKeys("content_hash"))
                .filter(col("doc_id").notEqual(col("first_doc_id")))
                .select("doc_id");
    }

    /** Signature rows of (content_hash, text), computed in one pass over each partition. */
    private static Dataset<Row> sign(Dataset<Row> bodies, DedupOptions settingsOf, String settings) {
        // Stateless and serializable: built once here and shipped with the task.
        Shingles shingles = new Shingles(settingsOf.shingleSize());
        MinHashFamily family = MinHashFamily.of(settingsOf);
        LshBands bands = LshBands.of(settingsOf);
        MapFunction<Row, Row> signBody = body -> {
            long[] set = shingles.of(body.getString(1));
            MinHashSignature signature = family.sign(set);
            // Primitive arrays: the row encoder takes them as they are.
            return RowFactory.create(body.getString(0), bands.keys(signature), signature.pack(), Shingles.pack(set),
                    settings);
        };
        return bodies.map(signBody, Encoders.row(Tables.DEDUP_SIGNATURES_SCHEMA));
    }

    /**
     * Pairs of distinct bodies that share a band key, at least one of them signed now, whose signatures agree
     * on at least {@link DedupOptions#minEstimate} of their values, as (first_hash, second_hash) rows, first
     * before second; {@code old} are the signatures of earlier batches (null when none are reused). The keys two
     * bodies share are found by counting the keys alone (longs, combined before the shuffle); only the bodies
     * holding such a key move, with their signatures, to be paired per key. The pairs are a few per near copy,
     * as the grouping's links are: they come to the driver.
     */
    private List<Row> candidates(Dataset<Row> signed, Dataset<Row> old) {
        Dataset<Row> keys = signed.select(col("content_hash"), lit(true).as("is_new"), col("minhash"),
                explode(col("band_keys")).as("key"));
        if (old != null) {
            // Only old keys a new body holds can make a pair: a nightly batch's few keys (broadcast when
            // small) filter the archive's before anything is counted.
            Dataset<Row> newKeys = keys.select("key").distinct();
            keys = keys.union(old.select(col("content_hash"), lit(false).as("is_new"), col("minhash"),
                    explode(col("band_keys")).as("key")).join(newKeys, Columns.joinKeys("key"), "left_semi")
                    .select("content_hash", "is_new", "minhash", "key")); // a join puts its key first
        }
        Dataset<Row> sharedKeys = keys.groupBy("key")
                .agg(count(lit(1)).as("bodies"), max(col("is_new").cast("int")).as("any_new"))
                .filter(col("bodies").gt(1).and(col("any_new").equalTo(1)))
                .select("key");
        double minEstimate = options.minEstimate();
        FlatMapFunction<Row, Row> pairsOfBucket = bucket -> {
            List<Row> bodies = bucket.getList(1);
            MinHashSignature[] signatures = new MinHashSignature[bodies.size()];
            for (int i = 0; i < signatures.length; i++) {
                signatures[i] = MinHashSignature.unpack(bodies.get(i).getAs("minhash"));
            }
            List<Row> pairs = new ArrayList<>();
            for (int i = 0; i < signatures.length; i++) {
                for (int j = i + 1; j < signatures.length; j++) {
                    Row a = bodies.get(i);
                    Row b = bodies.get(j);
                    if ((a.getBoolean(1) || b.getBoolean(1))
                            && signatures[i].estimateJaccard(signatures[j]) >= minEstimate) {
                        String first = a.getString(0);
                        String second = b.getString(0);
                        pairs.add(first.compareTo(second) < 0 ? RowFactory.create(first, second)
                                : RowFactory.create(second, first));
                    }
                }
            }
            return pairs.iterator();
        };
        return keys.join(broadcast(sharedKeys), Columns.joinKeys("key"), "left_semi")
                .groupBy("key")
                .agg(collect_list(struct(col("content_hash"), col("is_new"), col("minhash"))).as("bodies"))
                .flatMap(pairsOfBucket, Encoders.row(PAIR_SCHEMA))
                .distinct()
                .collectAsList();
    }

    private static final StructType PAIR_SCHEMA = new StructType().add("first_hash", DataTypes.StringType, false)
            .add("second_hash", DataTypes.StringType, false);

    /**
     * The exact shingle Jaccard of each (first_hash, second_hash) pair, as links rows, those at or above
     * {@code threshold} only. One shuffle: each signature of a body in some pair is sent, with its shingles,
     * to every pair it is in (the pairs go to each task whole, so the other signatures do not move).
     */
    private List<Row> verify(List<Row> pairs, Dataset<Row> signatures, double threshold) {
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<Row> sides = new ArrayList<>(2 * pairs.size());
        for (Row pair : pairs) {
            sides.add(RowFactory.create(pair.getString(0), pair.getString(0), pair.getString(1)));
            sides.add(RowFactory.create(pair.getString(1), pair.getString(0), pair.getString(1)));
        }
        Dataset<Row> sidesOfPairs = spark.createDataFrame(sides, new StructType()
                .add("content_hash", DataTypes.StringType, false)
                .add("first_hash", DataTypes.StringType, false)
                .add("second_hash", DataTypes.StringType, false));
        MapFunction<Row, Row> score = row -> {
            List<byte[]> both = row.getList(2);
            if (both.size() != 2) {
                // Every body in a pair was signed: a pair comes from signatures, a group from links.
                throw new IllegalStateException("dedup state holds " + both.size() + " signatures for the pair "
                        + row.getString(0) + ", " + row.getString(1));
            }
            return RowFactory.create(row.getString(0), row.getString(1),
                    Shingles.jaccard(Shingles.unpack(both.get(0)), Shingles.unpack(both.get(1))));
        };
        return signatures.select("content_hash", "shingles")
                .join(broadcast(sidesOfPairs), Columns.joinKeys("content_hash"))
                .groupBy("first_hash", "second_hash")
                .agg(collect_list(col("shingles")).as("shingles"))
                .map(score, Encoders.row(Tables.DEDUP_LINKS_SCHEMA))
                .filter(col("similarity").geq(threshold))
                .collectAsList();
    }

    /** The groups and the copies' rows for the {@code articles} table. */
    private record Grouping(List<DuplicateGroups.Group> groups, List<Row> memberRows, long nearCopies) {}

    /**
     * Collects the articles that can be in a group (those of linked bodies, those sharing a body) and the
     * links between them, groups them on the driver, then measures the similarity to its head of each near
     * copy that joined its group through another member.
     */
    private Grouping group(Dataset<Row> docs, Dataset<Row> links, Dataset<Row> signatures) {
        Dataset<Row> first = docs.select(col("doc_id").as("first_doc"), col("content_hash").as("first_hash"),
                col("published_date").as("first_date"));
        Dataset<Row> second = docs.select(col("doc_id").as("second_doc"), col("content_hash").as("second_hash"),
                col("published_date").as("second_date"));
        // The day limit is the grouping's (a link only joins articles within it); filtering here first only
        // saves collecting pairs it would drop.
        List<Row> docLinks = links.join(first, Columns.joinKeys("first_hash")).join(second,
                        Columns.joinKeys("second_hash"))
                .filter(col("first_date").isNull().or(col("second_date").isNull())
                        .or(org.apache.spark.sql.functions.abs(org.apache.spark.sql.functions.datediff(
                                col("first_date"), col("second_date"))).leq(options.maxDaysApart())))
                .select("first_doc", "first_hash", "first_date", "second_doc", "second_hash", "second_date",
                        "similarity")
                .collectAsList();
        List<Row> sharedBodies = docs.join(docs.groupBy("content_hash").count().filter(col("count").gt(1)),
                        Columns.joinKeys("content_hash"), "left_semi")
                .select("doc_id", "content_hash", "published_date") // a join puts its key first
                .collectAsList();

        Map<String, DuplicateGroups.Article> articles = new HashMap<>();
        Map<String, String> hashOf = new HashMap<>();
        Map<String, Double> similarityOfBodies = new HashMap<>();
        Set<DuplicateGroups.CandidatePair> candidates = new LinkedHashSet<>();
        for (Row row : sharedBodies) {
            add(articles, hashOf, row.getString(0), row.getString(1), row.getDate(2));
        }
        for (Row link : docLinks) {
            add(articles, hashOf, link.getString(0), link.getString(1), link.getDate(2));
            add(articles, hashOf, link.getString(3), link.getString(4), link.getDate(5));
            similarityOfBodies.put(bodyPair(link.getString(1), link.getString(4)), link.getDouble(6));
            candidates.add(new DuplicateGroups.CandidatePair(link.getString(0), link.getString(3)));
        }
        DuplicateGroups.Similarity known = (a, b) -> similarityOfBodies.getOrDefault(
                bodyPair(hashOf.get(a), hashOf.get(b)), Double.NaN);
        List<DuplicateGroups.Group> groups = DuplicateGroups.group(articles.values(), candidates, known, options);

        Map<String, Double> measured = measure(unmeasuredPairs(groups, hashOf), signatures);
        List<Row> memberRows = new ArrayList<>();
        long near = 0;
        for (DuplicateGroups.Group group : groups) {
            for (DuplicateGroups.Member member : group.members()) {
                double similarity = Double.isNaN(member.similarity())
                        ? measured.get(bodyPair(hashOf.get(member.docId()), hashOf.get(group.head())))
                        : member.similarity();
                memberRows.add(RowFactory.create(member.docId(), member.duplicateOf(), member.kind().code(),
                        similarity));
                near += member.kind() == newslens.ingest.dedup.DuplicateKind.NEAR ? 1 : 0;
            }
        }
        return new Grouping(groups, memberRows, near);
    }

    private static void add(Map<String, DuplicateGroups.Article> articles, Map<String, String> hashOf, String docId,
                            String contentHash, Date published) {
        articles.computeIfAbsent(docId, id -> new DuplicateGroups.Article(id, contentHash,
                published == null ? null : published.toLocalDate()));
        hashOf.put(docId, contentHash);
    }

    /** Body pairs (as {@link #bodyPair}) of near copies whose similarity to their head was not linked. */
    private static List<String[]> unmeasuredPairs(List<DuplicateGroups.Group> groups, Map<String, String> hashOf) {
        List<String[]> pairs = new ArrayList<>();
        for (DuplicateGroups.Group group : groups) {
            for (DuplicateGroups.Member member : group.members()) {
                if (Double.isNaN(member.similarity())) {
                    String a = hashOf.get(member.docId());
                    String b = hashOf.get(group.head());
                    pairs.add(a.compareTo(b) < 0 ? new String[] {a, b} : new String[] {b, a});
                }
            }
        }
        return pairs;
    }

    /** The exact Jaccard of each body pair, from the stored shingles of just those bodies. */
    private Map<String, Double> measure(List<String[]> pairs, Dataset<Row> signatures) {
        Map<String, Double> measured = new HashMap<>();
        if (pairs.isEmpty()) {
            return measured;
        }
        context.describe("near duplicates: similarity of copies joined through another copy");
        List<Row> rows = pairs.stream().map(p -> RowFactory.create(p[0], p[1])).distinct().toList();
        for (Row row : verify(rows, signatures, Double.NEGATIVE_INFINITY)) {
            measured.put(bodyPair(row.getString(0), row.getString(1)), row.getDouble(2));
        }
        return measured;
    }

    private static String bodyPair(String firstHash, String secondHash) {
        return firstHash.compareTo(secondHash) < 0 ? firstHash + "|" + secondHash : secondHash + "|" + firstHash;
    }

    /**
     * One row per group: the head's title, the number of articles and near copies, the outlets, doc_ids and
     * URLs that carried it, and its first and last publication, from the kept columns of the articles.
     */
    private static Dataset<Row> describeGroups(Dataset<Row> docs, Dataset<Row> members) {
        Dataset<Row> memberOf = members.select(col("doc_id"), col("duplicate_of").as("head_doc_id"),
                        col("duplicate_kind"))
                .union(members.select(col("duplicate_of").as("doc_id"), col("duplicate_of").as("head_doc_id"),
                        lit(null).cast("string").as("duplicate_kind")).distinct());
        return docs.select("doc_id", "title", "source", "url", "published_date")
                .join(broadcast(memberOf), Columns.joinKeys("doc_id"))
                .groupBy("head_doc_id")
                .agg(first(when(col("doc_id").equalTo(col("head_doc_id")), col("title")), true).as("title"),
                        count(lit(1)).as("n_articles"),
                        sum(when(col("duplicate_kind").equalTo("near"), 1L).otherwise(0L)).as("n_near"),
                        array_sort(collect_set(col("doc_id"))).as("doc_ids"),
                        array_sort(collect_set(col("source"))).as("sources"),
                        array_sort(collect_set(col("url"))).as("urls"),
                        min("published_date").as("first_published"),
                        max("published_date").as("last_published"))
                .withColumn("n_outlets", size(col("sources")).cast("long"))
                .select(Columns.of(Tables.DUPLICATE_GROUPS_SCHEMA));
    }
}
