package newslens.ingest;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
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
import newslens.ingest.dedup.Shingles;
import newslens.pipeline.StageContext;
import newslens.table.Columns;
import newslens.table.Tables;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Groups the accepted articles into duplicate groups, exact and near copies alike, for ingest to mark.
 *
 * <p>The algorithm, over distinct bodies (content hashes: articles with one hash are one body and always one
 * group), in five steps:
 * <ol>
 *   <li><b>Sign</b> the bodies not signed before: word shingles, a MinHash signature, its LSH band keys
 *       ({@link newslens.ingest.dedup}). Signatures of earlier batches come from {@code _state/dedup_signatures}
 *       when made with the same settings, so a nightly batch reads the text of its new articles only.</li>
 *   <li><b>Candidates</b>: pairs of bodies that share a band key, at least one of them new in this batch
 *       (pairs of two old bodies were verified by the batch that brought the later one).</li>
 *   <li><b>Verify</b> each candidate by the exact Jaccard of the two shingle sets, keep those at or above
 *       {@code dedup.minSimilarity}; with the still valid links of earlier batches they are
 *       {@code _state/dedup_links}.</li>
 *   <li><b>Group</b> on the driver ({@link DuplicateGroups}): the articles of linked bodies (each link
 *       limited to articles within {@code dedup.maxDaysApart} days) and of bodies shared by several articles,
 *       and only those, so the driver holds what is duplicated, not the corpus.</li>
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

    /** The settings a signature and a link depend on: stored with the signatures, compared on reuse. */
    String settings() {
        return "shingleSize=" + options.shingleSize() + ";numHashes=" + options.numHashes() + ";bands="
                + options.bands() + ";seed=" + MinHashFamily.DEFAULT_SEED + ";minSimilarity="
                + options.minSimilarity();
    }

    /**
     * Groups {@code accepted} (doc_id, content_hash, published_date, text, run_id, title, source, url: every
     * article the table will hold) and writes {@code duplicate_groups} and the dedup state.
     *
     * @param incremental whether the dedup state of an earlier run may be reused
     */
    Marking mark(Dataset<Row> accepted, boolean incremental) {
        long start = System.nanoTime();
        Dataset<Row> docs = accepted.select("doc_id", "content_hash", "published_date")
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Previous previous = incremental ? previous(docs) : emptyPrevious();
            context.describe("near duplicates: sign new article bodies");
            Dataset<Row> bodiesToSign = accepted
                    .filter(previous.usable() ? col("run_id").equalTo(context.layout().runId()) : lit(true))
                    .select("doc_id", "content_hash", "text")
                    .join(broadcast(laterDocsOfSameBody(docs)), Columns.joinKeys("doc_id"), "left_anti");
            if (previous.usable()) {
                bodiesToSign = bodiesToSign.join(previous.signatures().select("content_hash"),
                        Columns.joinKeys("content_hash"), "left_anti");
            }
            Dataset<Row> signed = sign(bodiesToSign.select("content_hash", "text"), options, settings())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Dataset<Row> signatures = context.write(Tables.DEDUP_SIGNATURES,
                        previous.usable() ? previous.signatures().union(signed) : signed, true);
                context.describe("near duplicates: candidate pairs and their verification");
                Dataset<Row> candidates = candidates(signed, signatures).persist(StorageLevel.MEMORY_AND_DISK());
                Dataset<Row> links = context.write(Tables.DEDUP_LINKS, previous.links()
                        .union(verify(candidates, signatures, options.minSimilarity())), true);
                candidates.unpersist();
                context.describe("near duplicates: group the linked articles");
                Grouping grouping = group(docs, links, signatures);
                context.release(signatures);
                context.release(links);
                Dataset<Row> members = spark.createDataFrame(grouping.memberRows(), MEMBER_SCHEMA);
                context.describe("write table duplicate_groups");
                context.write(Tables.DUPLICATE_GROUPS, describeGroups(accepted, members));
                return new Marking(members, grouping.nearCopies(), grouping.groups().size(), signed.count(),
                        (System.nanoTime() - start) / 1e9);
            } finally {
                signed.unpersist();
            }
        } finally {
            docs.unpersist();
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
            // Primitive arrays: the row encoder takes them as they are.
            return RowFactory.create(body.getString(0), bands.keys(family.sign(set)), set, settings);
        };
        return bodies.map(signBody, Encoders.row(Tables.DEDUP_SIGNATURES_SCHEMA));
    }

    /**
     * Pairs of distinct bodies that share a band key, at least one of them signed now, first hash before
     * second. A run without usable state signs every body, so this is every candidate pair.
     */
    private static Dataset<Row> candidates(Dataset<Row> signed, Dataset<Row> signatures) {
        Dataset<Row> newKeys = signed.select(col("content_hash").as("new_hash"), explode(col("band_keys")).as("key"));
        Dataset<Row> allKeys = signatures.select(col("content_hash").as("other_hash"),
                explode(col("band_keys")).as("key"));
        return newKeys.join(allKeys, Columns.joinKeys("key"))
                .filter(col("new_hash").notEqual(col("other_hash")))
                .select(least(col("new_hash"), col("other_hash")).as("first_hash"),
                        greatest(col("new_hash"), col("other_hash")).as("second_hash"))
                .distinct();
    }

    /**
     * The candidates whose exact shingle Jaccard reaches {@code minSimilarity}. Only the signatures of bodies
     * in some candidate pair move (filtered where they are, against the broadcast list of those bodies).
     */
    private static Dataset<Row> verify(Dataset<Row> pairs, Dataset<Row> signatures, double threshold) {
        Dataset<Row> involved = pairs.select(col("first_hash").as("content_hash"))
                .union(pairs.select(col("second_hash").as("content_hash"))).distinct();
        Dataset<Row> shingles = signatures.join(broadcast(involved), Columns.joinKeys("content_hash"), "left_semi")
                .select("content_hash", "shingles");
        Dataset<Row> scored = pairs
                .join(shingles.withColumnRenamed("content_hash", "first_hash")
                        .withColumnRenamed("shingles", "first_shingles"), Columns.joinKeys("first_hash"))
                .join(shingles.withColumnRenamed("content_hash", "second_hash")
                        .withColumnRenamed("shingles", "second_shingles"), Columns.joinKeys("second_hash"));
        MapFunction<Row, Row> score = row -> RowFactory.create(row.getString(row.fieldIndex("first_hash")),
                row.getString(row.fieldIndex("second_hash")),
                Shingles.jaccard(unboxed(row.getList(row.fieldIndex("first_shingles"))),
                        unboxed(row.getList(row.fieldIndex("second_shingles")))));
        return scored.map(score, Encoders.row(Tables.DEDUP_LINKS_SCHEMA))
                .filter(col("similarity").geq(threshold));
    }

    private static long[] unboxed(List<Long> values) {
        long[] array = new long[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
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
        StructType pairSchema = new StructType().add("first_hash", DataTypes.StringType, false)
                .add("second_hash", DataTypes.StringType, false);
        List<Row> rows = pairs.stream().map(p -> RowFactory.create(p[0], p[1])).distinct().toList();
        Dataset<Row> scored = verify(spark.createDataFrame(rows, pairSchema), signatures, Double.NEGATIVE_INFINITY);
        for (Row row : scored.collectAsList()) {
            measured.put(bodyPair(row.getString(0), row.getString(1)), row.getDouble(2));
        }
        return measured;
    }

    private static String bodyPair(String firstHash, String secondHash) {
        return firstHash.compareTo(secondHash) < 0 ? firstHash + "|" + secondHash : secondHash + "|" + firstHash;
    }

    /**
     * One row per group: the head's title, the number of articles and near copies, the outlets, doc_ids and
     * URLs that carried it, and its first and last publication. Only the copies and heads are read.
     */
    private static Dataset<Row> describeGroups(Dataset<Row> accepted, Dataset<Row> members) {
        Dataset<Row> memberOf = members.select(col("doc_id"), col("duplicate_of").as("head_doc_id"),
                        col("duplicate_kind"))
                .union(members.select(col("duplicate_of").as("doc_id"), col("duplicate_of").as("head_doc_id"),
                        lit(null).cast("string").as("duplicate_kind")).distinct());
        return accepted.select("doc_id", "title", "source", "url", "published_date")
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
