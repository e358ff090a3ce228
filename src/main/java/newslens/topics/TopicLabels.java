package newslens.topics;

import java.util.List;

/** How a topic is shown to people: its most probable words. */
public final class TopicLabels {
    private TopicLabels() {}

    /** Words in a topic's label. */
    public static final int LABEL_TERMS = 3;
    /** Words kept in {@code topics.terms}. */
    public static final int TOP_TERMS = 15;

    /**
     * The first {@value #LABEL_TERMS} words of {@code terms} (most probable first) joined with ", ";
     * entity ids ({@code per:...}) are skipped, since a label is read as words.
     */
    public static String label(List<String> terms) {
        return String.join(", ", terms.stream().filter(term -> !isEntityToken(term)).limit(LABEL_TERMS).toList());
    }

    /** Entity ids carry a type prefix ({@code per:nguyen_van_an}); words never hold a colon. */
    public static boolean isEntityToken(String term) {
        return term.indexOf(':') > 0;
    }
}
