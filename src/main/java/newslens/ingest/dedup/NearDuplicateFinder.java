package newslens.ingest.dedup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole of near-duplicate grouping over articles held in memory: shingles and signature per article,
 * candidate pairs from shared band keys whose signatures agree enough ({@link DedupOptions#minEstimate}),
 * verification by exact Jaccard of the shingle sets, then
 * {@link DuplicateGroups}. A distributed caller runs the same steps with the band keys as join keys.
 */
public final class NearDuplicateFinder {

    /** One article: {@code publishedDate} null when undated, {@code body} as ingest keeps it. */
    public record Input(String docId, String contentHash, LocalDate publishedDate, String body) {}

    private final DedupOptions options;
    private final Shingles shingles;
    private final MinHashFamily family;
    private final LshBands bands;
    private final double minEstimate;

    public NearDuplicateFinder(DedupOptions options) {
        this(options, new Shingles(options.shingleSize()));
    }

    public NearDuplicateFinder(DedupOptions options, Shingles shingles) {
        this.options = options;
        this.shingles = shingles;
        this.family = MinHashFamily.of(options);
        this.bands = LshBands.of(options);
        this.minEstimate = options.minEstimate();
    }

    public List<DuplicateGroups.Group> find(List<Input> articles) {
        Map<String, long[]> shingleSets = new HashMap<>();
        Map<String, MinHashSignature> signatures = new HashMap<>();
        Map<Long, List<String>> buckets = new HashMap<>();
        List<DuplicateGroups.Article> keys = new ArrayList<>(articles.size());
        for (Input article : articles) {
            long[] set = shingles.of(article.body());
            shingleSets.put(article.docId(), set);
            MinHashSignature signature = family.sign(set);
            signatures.put(article.docId(), signature);
            for (long key : bands.keys(signature)) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>(2)).add(article.docId());
            }
            keys.add(new DuplicateGroups.Article(article.docId(), article.contentHash(), article.publishedDate()));
        }
        Set<DuplicateGroups.CandidatePair> candidates = new LinkedHashSet<>();
        for (List<String> bucket : buckets.values()) {
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    if (signatures.get(bucket.get(i)).estimateJaccard(signatures.get(bucket.get(j)))
                            >= minEstimate) {
                        candidates.add(new DuplicateGroups.CandidatePair(bucket.get(i), bucket.get(j)));
                    }
                }
            }
        }
        return DuplicateGroups.group(keys, candidates,
                (a, b) -> Shingles.jaccard(shingleSets.get(a), shingleSets.get(b)), options);
    }
}
