package newslens.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * The two fields of an article the recogniser reads, as one text: the title on a line of its own, then the
 * body. Recognising them together makes the article one document (a name in the title and its short form in
 * the body link to one entity) while the line break keeps the title a sentence of its own, so sentence-scope
 * co-occurrence never pairs a title name with one of the first body sentence.
 *
 * @param title the title, empty when the article has none
 * @param text  the body
 */
public record ArticleFields(String title, String text) {

    public static final String TITLE = "title";
    public static final String TEXT = "text";

    public ArticleFields {
        title = title == null ? "" : title;
        if (text == null) {
            throw new IllegalArgumentException("an article needs a body text");
        }
        if (title.indexOf('\n') >= 0) {
            // A title with its own line breaks would still place correctly, but its lines would be windows.
            title = title.replace('\n', ' ');
        }
    }

    /** What the recogniser reads: {@code title + "\n" + text}, or the body alone when there is no title. */
    public String recognisedText() {
        return title.isEmpty() ? text : title + "\n" + text;
    }

    /** Where the body starts in {@link #recognisedText()}. */
    public int bodyStart() {
        return bodyStart(title);
    }

    /** {@link #bodyStart()} of an article with this title (null or empty: none). */
    public static int bodyStart(String title) {
        return title == null || title.isEmpty() ? 0 : title.length() + 1;
    }

    /** A mention placed in the field it was found in, its offsets into that field. */
    public record FieldMention(String field, Mention mention) {
    }

    /**
     * The mentions of {@link #recognisedText()}, each placed in its field with offsets into that field;
     * sentence numbers stay those of the whole article (the title's sentences first).
     */
    public static List<FieldMention> place(int bodyStart, List<Mention> mentions) {
        List<FieldMention> placed = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            if (m.start() >= bodyStart) {
                placed.add(new FieldMention(TEXT, shifted(m, bodyStart)));
            } else if (m.end() < bodyStart) {
                placed.add(new FieldMention(TITLE, m));
            } else {
                // Tokens never hold a line break, so no name can; a mention across it is a bug, not input.
                throw new IllegalStateException("mention '" + m.surface() + "' crosses from the title into the text");
            }
        }
        return placed;
    }

    private static Mention shifted(Mention m, int by) {
        return by == 0 ? m : new Mention(m.sentence(), m.start() - by, m.end() - by, m.surface(), m.entityId(),
                m.entityType(), m.method(), m.confidence(), m.canonicalName());
    }
}
