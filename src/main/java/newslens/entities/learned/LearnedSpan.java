package newslens.entities.learned;

import newslens.entities.EntityType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * An entity span the learned model found: a run of tokens it gave one type in one sentence.
 *
 * @param sentence index of its sentence in the article
 * @param start    offset of the first char in the article text
 * @param end      offset after the last char
 * @param type     the entity type
 */
record LearnedSpan(int sentence, int start, int end, EntityType type) implements Serializable {

    /** A token and the label the model gave it: a BIO tag ({@code B-PER}, {@code I-PER}) or {@code O}. */
    record TaggedToken(int sentence, int start, int end, String label) {
    }

    /**
     * The spans of {@code tokens} (in text order): a {@code B-} token and the {@code I-} tokens of its type that
     * follow it in its sentence. An {@code I-} token that continues nothing opens a span, as CoNLL scoring reads it.
     */
    static List<LearnedSpan> decode(List<TaggedToken> tokens) {
        List<LearnedSpan> spans = new ArrayList<>();
        LearnedSpan open = null;
        for (TaggedToken token : tokens) {
            EntityType type = typeOf(NerFeatures.entityType(token.label()));
            boolean continues = open != null && type == open.type() && token.sentence() == open.sentence()
                    && token.label().startsWith("I-");
            if (continues) {
                open = new LearnedSpan(open.sentence(), open.start(), token.end(), type);
            } else {
                if (open != null) {
                    spans.add(open);
                }
                open = type == null ? null : new LearnedSpan(token.sentence(), token.start(), token.end(), type);
            }
        }
        if (open != null) {
            spans.add(open);
        }
        return spans;
    }

    /** The entity type of a label; null for {@code O} and for types newslens does not know. */
    private static EntityType typeOf(String label) {
        for (EntityType type : EntityType.values()) {
            if (type.name().equals(label)) {
                return type;
            }
        }
        return null;
    }
}
