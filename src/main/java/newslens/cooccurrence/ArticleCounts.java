package newslens.cooccurrence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import newslens.text.CodePointOrder;

/**
 * What one article adds to the co-occurrence counts, computed from its mentions alone: mentions per
 * entity (uncapped), and per scope (sentence, document) its windows, the windows holding each entity
 * and the windows holding each pair. A window keeps at most {@code maxEntitiesPerWindow} entities, its
 * most mentioned, ties by id. Entity ids are ordered by code point, which is the order Spark gives
 * strings (UTF-8 bytes), so {@code entityA < entityB} means the same on both sides.
 */
public record ArticleCounts(Map<String, Long> mentionsPerEntity, List<Scope> scopes) {

    public static final String SENTENCE = "sentence";
    public static final String DOCUMENT = "document";

    /** Orders ids as Spark orders strings. */
    public static final Comparator<String> ID_ORDER = CodePointOrder.COMPARATOR;

    public record Mention(int sentence, String entityId) {}

    /** Counts of one scope: {@code windows} hold at least one entity. */
    public record Scope(String scope, long windows, Map<String, Long> windowsPerEntity, List<Pair> pairs) {}

    public record Pair(String entityA, String entityB, long windows) {}

    public static ArticleCounts of(List<Mention> mentions, int maxEntitiesPerWindow) {
        Map<String, Long> perEntity = new TreeMap<>(ID_ORDER);
        Map<Integer, Map<String, Long>> perSentence = new TreeMap<>();
        for (Mention mention : mentions) {
            perEntity.merge(mention.entityId(), 1L, Long::sum);
            perSentence.computeIfAbsent(mention.sentence(), s -> new HashMap<>())
                    .merge(mention.entityId(), 1L, Long::sum);
        }
        List<Scope> scopes = List.of(
                scope(SENTENCE, perSentence.values(), maxEntitiesPerWindow),
                scope(DOCUMENT, perEntity.isEmpty() ? List.of() : List.of(perEntity), maxEntitiesPerWindow));
        return new ArticleCounts(perEntity, scopes);
    }

    private static Scope scope(String name, Iterable<Map<String, Long>> windows, int cap) {
        Map<String, Long> windowsPerEntity = new TreeMap<>(ID_ORDER);
        Map<String, Map<String, Long>> pairWindows = new TreeMap<>(ID_ORDER);
        long count = 0;
        for (Map<String, Long> window : windows) {
            count++;
            List<String> kept = capped(window, cap);
            for (int i = 0; i < kept.size(); i++) {
                windowsPerEntity.merge(kept.get(i), 1L, Long::sum);
                for (int j = i + 1; j < kept.size(); j++) {
                    pairWindows.computeIfAbsent(kept.get(i), a -> new TreeMap<>(ID_ORDER))
                            .merge(kept.get(j), 1L, Long::sum);
                }
            }
        }
        List<Pair> pairs = new ArrayList<>();
        pairWindows.forEach((a, partners) -> partners.forEach((b, n) -> pairs.add(new Pair(a, b, n))));
        return new Scope(name, count, windowsPerEntity, pairs);
    }

    /** The window's most mentioned entities (ties by id), at most {@code cap}, in id order. */
    private static List<String> capped(Map<String, Long> window, int cap) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(window.entrySet());
        if (entries.size() > cap) {
            entries.sort(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey(ID_ORDER)));
            entries = entries.subList(0, cap);
        }
        List<String> ids = new ArrayList<>(entries.size());
        entries.forEach(e -> ids.add(e.getKey()));
        ids.sort(ID_ORDER);
        return ids;
    }
}
