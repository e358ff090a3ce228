package newslens.entities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import newslens.text.CodePointOrder;

/**
 * One entity's mentions tallied into its {@code entities} row: the canonical name and type it is given
 * most often (ties to the first in code-point order), its distinct surface forms in code-point order,
 * how many articles and mentions, and the first and last publication date. Plain Java, fed one mention
 * at a time, an article's mentions one after another: articles are counted as the doc_id changes, so
 * the memory held does not grow with the number of articles naming the entity.
 */
public final class EntityTally {

    /** The tallied row; dates are null when none of the entity's articles is dated. */
    public record Summary(String entityId, String name, String entityType, List<String> aliases, long nDocs,
            long nMentions, LocalDate firstDate, LocalDate lastDate) {}

    private final String entityId;
    private final Map<String, Long> names = new HashMap<>();
    private final Map<String, Long> types = new HashMap<>();
    private final Set<String> aliases = new TreeSet<>(CodePointOrder.COMPARATOR);
    private String lastDoc;
    private long docs;
    private long mentions;
    private LocalDate first;
    private LocalDate last;

    public EntityTally(String entityId) {
        this.entityId = entityId;
    }

    public String entityId() {
        return entityId;
    }

    /**
     * One mention of the entity in article {@code docId}, published on {@code published} (null: undated).
     * The mentions of one article must arrive one after another.
     */
    public void add(String docId, LocalDate published, String canonicalName, String entityType, String surface) {
        names.merge(canonicalName, 1L, Long::sum);
        types.merge(entityType, 1L, Long::sum);
        aliases.add(surface);
        if (!docId.equals(lastDoc)) {
            docs++;
            lastDoc = docId;
        }
        mentions++;
        if (published != null) {
            first = first == null || published.isBefore(first) ? published : first;
            last = last == null || published.isAfter(last) ? published : last;
        }
    }

    public Summary summary() {
        if (mentions == 0) {
            throw new IllegalStateException("entity " + entityId + " has no mentions to tally");
        }
        return new Summary(entityId, mostFrequent(names), mostFrequent(types), new ArrayList<>(aliases),
                docs, mentions, first, last);
    }

    private static String mostFrequent(Map<String, Long> counts) {
        String best = null;
        long bestCount = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            long n = e.getValue();
            if (n > bestCount || n == bestCount && CodePointOrder.COMPARATOR.compare(e.getKey(), best) < 0) {
                best = e.getKey();
                bestCount = n;
            }
        }
        return best;
    }
}
