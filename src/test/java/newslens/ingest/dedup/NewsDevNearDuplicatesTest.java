package newslens.ingest.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newslens.TestData;
import newslens.ingest.ArticleExtractor;
import newslens.ingest.ArticleParser;
import newslens.ingest.ParsedArticle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures near-duplicate grouping on news-dev ({@code ../shared/data/news-dev}, skipped when absent) against
 * the exact word-5-shingle Jaccard of every pair of article bodies, and against the ViMs clusters of
 * {@code gold.csv} (articles of one cluster report one event; copies are a subset). Prints the distribution of
 * pair similarities and, per threshold, how the grouping agrees with the exact pairs; checks the defaults:
 * every pair at 0.8 or more is grouped, no grouped pair is below 0.5.
 */
@Tag("slow")
class NewsDevNearDuplicatesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record JsonLine(String id, String text, String url, String source) {}

    record ScoredPair(String first, String second, double jaccard) {}

    @Test
    void groupingAgreesWithExactShingleJaccard() throws IOException {
        Path newsDev = TestData.shared("news-dev");
        List<NearDuplicateFinder.Input> articles = new ArrayList<>();
        for (String line : Files.readAllLines(newsDev.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
            JsonLine json = JSON.readValue(line, JsonLine.class);
            ParsedArticle parsed = ArticleParser.parseRecord(json.text(), null, json.url(), json.source());
            articles.add(new NearDuplicateFinder.Input(json.id(), ArticleExtractor.contentHash(parsed.body()), null,
                    parsed.body()));
        }
        Map<String, String> clusterOf = vimsClusters(newsDev.resolve("gold.csv"));

        DedupOptions defaults = newslens.app.JobConfig.load(null).dedup();
        Shingles shingles = new Shingles(defaults.shingleSize());
        List<long[]> sets = articles.stream().map(a -> shingles.of(a.body())).toList();
        List<ScoredPair> similar = new ArrayList<>();
        int[] histogram = new int[14];
        long pairs = 0;
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                double jaccard = Shingles.jaccard(sets.get(i), sets.get(j));
                pairs++;
                if (jaccard >= 0.3) {
                    similar.add(new ScoredPair(articles.get(i).docId(), articles.get(j).docId(), jaccard));
                    histogram[Math.min(13, (int) ((jaccard - 0.3) / 0.05 + 1e-9))]++;
                }
            }
        }
        System.out.printf("news-dev: %d articles, %d pairs; exact word-%d-shingle Jaccard of pairs at 0.3 or more:%n",
                articles.size(), pairs, defaults.shingleSize());
        for (int b = 0; b < histogram.length; b++) {
            System.out.printf("  [%.2f, %.2f%s %d%n", 0.3 + 0.05 * b, 0.35 + 0.05 * b, b == 13 ? "]" : ")",
                    histogram[b]);
        }
        Map<String, Double> jaccardOf = new HashMap<>();
        similar.forEach(p -> jaccardOf.put(key(p.first(), p.second()), p.jaccard()));

        System.out.println("  threshold | grouped pairs | precision vs exact >= t | recall vs exact >= t"
                + " | grouped pairs < 0.5 | ViMs grouped pairs in one gold cluster | gold cluster pairs grouped");
        long goldPairs = goldPairs(clusterOf);
        for (int step = 0; step <= 13; step++) {
            double threshold = 0.3 + 0.05 * step;
            DedupOptions options = new DedupOptions(threshold, defaults.maxDaysApart(), defaults.shingleSize(),
                    defaults.numHashes(), defaults.bands());
            Set<String> grouped = groupedPairs(new NearDuplicateFinder(options, shingles).find(articles));
            long exactAbove = similar.stream().filter(p -> p.jaccard() >= threshold).count();
            long groupedAbove = grouped.stream().filter(k -> jaccardOf.getOrDefault(k, 0.0) >= threshold).count();
            long groupedBelowHalf = grouped.stream().filter(k -> jaccardOf.getOrDefault(k, 0.0) < 0.5).count();
            long exactAboveGrouped = similar.stream()
                    .filter(p -> p.jaccard() >= threshold && grouped.contains(key(p.first(), p.second()))).count();
            long vimsGrouped = 0;
            long vimsSameCluster = 0;
            for (String k : grouped) {
                String[] ids = k.split(" ");
                if (clusterOf.containsKey(ids[0]) && clusterOf.containsKey(ids[1])) {
                    vimsGrouped++;
                    if (clusterOf.get(ids[0]).equals(clusterOf.get(ids[1]))) {
                        vimsSameCluster++;
                    }
                }
            }
            System.out.printf("  %.2f | %d | %.3f | %.3f | %d | %d/%d | %d/%d%n", threshold, grouped.size(),
                    ratio(groupedAbove, grouped.size()), ratio(exactAboveGrouped, exactAbove), groupedBelowHalf,
                    vimsSameCluster, vimsGrouped, vimsSameCluster, goldPairs);
        }

        Set<String> grouped = groupedPairs(new NearDuplicateFinder(defaults, shingles).find(articles));
        Set<String> byEstimate = groupedPairs(groupByEstimate(articles, sets, defaults));
        System.out.printf("  verified by signature estimates instead of exact Jaccard: %d grouped pairs, %d of them"
                        + " below 0.5, %d pairs at 0.8 or more not grouped%n", byEstimate.size(),
                byEstimate.stream().filter(k -> jaccardOf.getOrDefault(k, 0.0) < 0.5).count(),
                similar.stream().filter(p -> p.jaccard() >= 0.8 && !byEstimate.contains(key(p.first(), p.second())))
                        .count());
        List<ScoredPair> missed = similar.stream()
                .filter(p -> p.jaccard() >= 0.8 && !grouped.contains(key(p.first(), p.second()))).toList();
        assertEquals(List.of(), missed, "pairs at Jaccard 0.8 or more left in different groups");
        List<String> dissimilar = grouped.stream().filter(k -> jaccardOf.getOrDefault(k, 0.0) < 0.5).toList();
        assertEquals(List.of(), dissimilar, "articles below Jaccard 0.5 grouped together");
        assertTrue(similar.stream().anyMatch(p -> p.jaccard() >= 0.8), "news-dev has syndicated copies");
    }

    /** The distributed variant: candidates from shared band keys, verified by MinHash estimates alone. */
    private static List<DuplicateGroups.Group> groupByEstimate(List<NearDuplicateFinder.Input> articles,
                                                               List<long[]> sets, DedupOptions options) {
        MinHashFamily family = MinHashFamily.of(options);
        LshBands bands = LshBands.of(options);
        Map<String, MinHashSignature> signatures = new HashMap<>();
        Map<Long, List<String>> buckets = new HashMap<>();
        List<DuplicateGroups.Article> keys = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            String id = articles.get(i).docId();
            MinHashSignature signature = family.sign(sets.get(i));
            signatures.put(id, signature);
            for (long key : bands.keys(signature)) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
            }
            keys.add(new DuplicateGroups.Article(id, articles.get(i).contentHash(), null));
        }
        List<DuplicateGroups.CandidatePair> candidates = new ArrayList<>();
        for (List<String> bucket : buckets.values()) {
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    candidates.add(new DuplicateGroups.CandidatePair(bucket.get(i), bucket.get(j)));
                }
            }
        }
        return DuplicateGroups.group(keys, candidates,
                (a, b) -> signatures.get(a).estimateJaccard(signatures.get(b)), options);
    }

    /** Every pair of articles that share a group, as "a b" with a before b. */
    private static Set<String> groupedPairs(List<DuplicateGroups.Group> groups) {
        Set<String> pairs = new HashSet<>();
        for (DuplicateGroups.Group group : groups) {
            List<String> ids = new ArrayList<>();
            ids.add(group.head());
            group.members().forEach(m -> ids.add(m.docId()));
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    pairs.add(key(ids.get(i), ids.get(j)));
                }
            }
        }
        return pairs;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    private static Map<String, String> vimsClusters(Path goldCsv) throws IOException {
        Map<String, String> clusterOf = new HashMap<>();
        List<String> lines = Files.readAllLines(goldCsv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int id = header.indexOf("id");
        int cluster = header.indexOf("cluster_id");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (!fields[cluster].isEmpty()) {
                clusterOf.put(fields[id], fields[cluster]);
            }
        }
        return clusterOf;
    }

    private static long goldPairs(Map<String, String> clusterOf) {
        Map<String, Integer> sizes = new HashMap<>();
        clusterOf.values().forEach(c -> sizes.merge(c, 1, Integer::sum));
        return sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    }
}
