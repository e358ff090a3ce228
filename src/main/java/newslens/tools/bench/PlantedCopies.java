package newslens.tools.bench;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import newslens.tools.generate.NearCopyPlan;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How well ingest's duplicate groups recover the near-copies a generated corpus planted
 * ({@link NearCopyPlan#COPIES_FILE}), scored over pairs of articles; see {@link Benchmark} for the definition.
 */
public final class PlantedCopies {

    /** Examples of each kind of error kept in a {@link Score}, the first by doc_id. */
    static final int EXAMPLES = 5;

    /**
     * The pair counts and what follows from them.
     *
     * @param plantedCopies     lines of {@code _copies.jsonl}
     * @param plantedArticles   articles in a planted group (copies and their originals)
     * @param missingArticles   of those, articles not in the {@code articles} table (their pairs count as missed)
     * @param truePairs         pairs of articles in one planted group
     * @param foundPairs        pairs of articles in one group of the {@code articles} table
     * @param correctPairs      pairs in both
     * @param precision         correctPairs / foundPairs; null when no pair was found
     * @param recall            correctPairs / truePairs; null when nothing was planted
     * @param missedPairs       up to {@value #EXAMPLES} planted pairs not found, as "a ~ b"
     * @param falseMergePairs   up to {@value #EXAMPLES} found pairs not planted, as "a ~ b"
     */
    public record Score(long plantedCopies, long plantedArticles, long missingArticles, long truePairs,
                       long foundPairs, long correctPairs, Double precision, Double recall, List<String> missedPairs,
                       List<String> falseMergePairs) {

        /** One line for the report's table. */
        public String summary() {
            return String.format(Locale.ROOT,
                    "planted copies: precision %s (%d of %d found pairs planted), recall %s (%d of %d planted pairs"
                            + " found); %d copies, %d articles in planted groups%s",
                    format(precision), correctPairs, foundPairs, format(recall), correctPairs, truePairs,
                    plantedCopies, plantedArticles,
                    missingArticles > 0 ? ", " + missingArticles + " of them not in articles" : "");
        }

        private static String format(Double value) {
            return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
        }
    }

    private PlantedCopies() {}

    /**
     * Scores the groups of {@code articlesTable} (a head and the articles whose {@code duplicate_of} names
     * it) against the copies planted in {@code copiesFile}. Only the articles in a group are brought to the
     * driver.
     */
    public static Score measure(SparkSession spark, String articlesTable, Path copiesFile) {
        List<NearCopyPlan.CopyTruth> planted = NearCopyPlan.readTruth(copiesFile);
        Dataset<Row> articles = spark.read().parquet(articlesTable);
        Map<String, String> duplicateOf = new HashMap<>();
        for (Row row : articles.where(col("duplicate_of").isNotNull()).select("doc_id", "duplicate_of")
                .collectAsList()) {
            duplicateOf.put(row.getString(0), row.getString(1));
        }
        TreeSet<String> plantedIds = new TreeSet<>();
        planted.forEach(copy -> {
            plantedIds.add(copy.docId());
            plantedIds.add(copy.original());
        });
        long missing = spark.createDataset(new ArrayList<>(plantedIds), Encoders.STRING()).toDF("doc_id")
                .join(articles.select("doc_id"), "doc_id", "left_anti").count();
        return score(planted, duplicateOf, missing);
    }

    /**
     * The pair counts of the planted groups (a copy and its original are in one group, and so, transitively,
     * are copies of copies) against the found ones ({@code duplicateOf}: doc_id to the head of its group,
     * for the articles that are not heads; a head is in its group, and a chain of duplicate_of is one group).
     * Articles in neither are alone in both and make no pair. Exact, and independent of the order of input.
     *
     * @param missingArticles planted articles absent from the table, reported only (they are in no found group)
     */
    static Score score(Collection<NearCopyPlan.CopyTruth> planted, Map<String, String> duplicateOf,
                       long missingArticles) {
        UnionFind truth = new UnionFind();
        planted.forEach(copy -> truth.union(copy.docId(), copy.original()));
        UnionFind found = new UnionFind();
        duplicateOf.forEach(found::union);

        Set<String> plantedArticles = truth.members();
        TreeSet<String> articles = new TreeSet<>(plantedArticles);
        articles.addAll(found.members());
        Map<String, Long> trueSizes = new HashMap<>();
        Map<String, Long> foundSizes = new HashMap<>();
        Map<List<String>, Long> both = new HashMap<>();
        // Per group (keyed by its smallest doc_id), its members split by the group of the other side.
        Map<String, Map<String, String>> trueSplits = new TreeMap<>();
        Map<String, Map<String, String>> foundSplits = new TreeMap<>();
        Map<String, String> trueKeys = new HashMap<>();
        Map<String, String> foundKeys = new HashMap<>();
        for (String article : articles) { // sorted: a group's first member is its smallest doc_id
            String t = truth.find(article);
            String f = found.find(article);
            trueSizes.merge(t, 1L, Long::sum);
            foundSizes.merge(f, 1L, Long::sum);
            both.merge(List.of(t, f), 1L, Long::sum);
            String trueKey = trueKeys.computeIfAbsent(t, root -> article);
            String foundKey = foundKeys.computeIfAbsent(f, root -> article);
            trueSplits.computeIfAbsent(trueKey, key -> new TreeMap<>()).putIfAbsent(f, article);
            foundSplits.computeIfAbsent(foundKey, key -> new TreeMap<>()).putIfAbsent(t, article);
        }
        long truePairs = pairs(trueSizes.values());
        long foundPairs = pairs(foundSizes.values());
        long correctPairs = pairs(both.values());
        return new Score(planted.size(), plantedArticles.size(), missingArticles, truePairs, foundPairs,
                correctPairs, foundPairs == 0 ? null : (double) correctPairs / foundPairs,
                truePairs == 0 ? null : (double) correctPairs / truePairs, examples(trueSplits),
                examples(foundSplits));
    }

    /** From each group split over two or more groups of the other side: its first member and the next part's. */
    private static List<String> examples(Map<String, Map<String, String>> splits) {
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> group : splits.entrySet()) {
            if (examples.size() == EXAMPLES) {
                break;
            }
            String first = group.getKey();
            group.getValue().values().stream().filter(member -> !member.equals(first)).sorted().findFirst()
                    .ifPresent(other -> examples.add(first + " ~ " + other));
        }
        return List.copyOf(examples);
    }

    private static long pairs(Collection<Long> groupSizes) {
        return groupSizes.stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    /** Groups of doc_ids; an article never joined is in a group of its own. */
    private static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();

        void union(String a, String b) {
            String rootA = find(a);
            String rootB = find(b);
            if (!rootA.equals(rootB)) {
                parent.put(rootA, rootB);
            }
        }

        String find(String article) {
            String root = article;
            for (String up = parent.get(root); up != null && !up.equals(root); up = parent.get(root)) {
                root = up;
            }
            for (String at = article; !at.equals(root); ) { // path compression
                String up = parent.get(at);
                parent.put(at, root);
                at = up;
            }
            return root;
        }

        /** Every doc_id ever joined to another. */
        Set<String> members() {
            Set<String> members = new HashSet<>(parent.keySet());
            members.addAll(parent.values());
            return members;
        }
    }
}
