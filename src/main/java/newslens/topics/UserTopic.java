package newslens.topics;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import newslens.text.WordSegmenter;

/**
 * A topic defined by the user with keywords: words ({@code "hạt nhân"}, matched case-insensitively
 * as a run of whole syllables) and/or entity ids ({@code "org:nato"}, anything holding a colon,
 * matched against the article's mentions).
 *
 * <p>An article is on the topic when its keywords occur at least {@code minHits} times in all;
 * its weight is then the share of the topic's keywords it contains (1.0 when it holds every one),
 * so a topic defined by several facets ranks the articles touching more of them higher.
 */
public record UserTopic(int topicId, String name, List<String> keywords) implements Serializable {

    /** User topics are numbered from here, far from the learned topics (0 … k-1). */
    public static final int FIRST_ID = 1000;

    public UserTopic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a user topic needs a name, got " + name);
        }
        if (keywords == null || keywords.isEmpty() || keywords.stream().anyMatch(k -> k == null || k.isBlank())) {
            throw new IllegalArgumentException("user topic \"" + name + "\" needs non-blank keywords, got " + keywords);
        }
        keywords = keywords.stream()
                .map(k -> TopicLabels.isEntityToken(k.strip()) ? k.strip() : WordSegmenter.normalise(k))
                .distinct().toList();
    }

    /**
     * @param phrases  the article's lower-cased syllables, phrase by phrase ({@link WordSegmenter#phrases})
     * @param entities the entity id of each of its mentions
     * @return the article's weight on this topic, 0 when it is not on it
     */
    public double weight(List<List<String>> phrases, Collection<String> entities, int minHits) {
        int hits = 0;
        int matchedKeywords = 0;
        for (String keyword : keywords) {
            int found = TopicLabels.isEntityToken(keyword)
                    ? (int) entities.stream().filter(keyword::equals).count()
                    : occurrences(List.of(keyword.split(" ")), phrases);
            hits += found;
            matchedKeywords += found > 0 ? 1 : 0;
        }
        return hits >= minHits ? (double) matchedKeywords / keywords.size() : 0.0;
    }

    private static int occurrences(List<String> keyword, List<List<String>> phrases) {
        int count = 0;
        for (List<String> phrase : phrases) {
            for (int i = 0; i + keyword.size() <= phrase.size(); i++) {
                if (phrase.subList(i, i + keyword.size()).equals(keyword)) {
                    count++;
                }
            }
        }
        return count;
    }
}
