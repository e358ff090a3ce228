package newslens.entities;

import java.io.Serializable;

/**
 * One mention of an entity in an article.
 *
 * @param sentence      index of the sentence (from {@link newslens.text.SentenceSplitter}) holding the mention
 * @param start         offset of the first char in the article text
 * @param end           offset after the last char
 * @param surface       {@code text.substring(start, end)}
 * @param entityId      knowledge-base id, or one derived from the name ({@link EntityIds}), or the id of the
 *                      earlier mention it was linked to
 * @param entityType    PER, LOC, ORG or MISC
 * @param method        how it was found: {@code kb} (alias in the knowledge base), {@code kb_role} (office
 *                      title resolved to its holder on the publication date; such a mention may overlap the
 *                      country mention inside it), {@code pattern} (capitalisation and context words),
 *                      {@code coref} (short form of a name met earlier in the article)
 * @param confidence    0..1, lower when the evidence is weaker
 * @param canonicalName the entity's name: knowledge-base name, or the full form of a linked name, or the surface
 */
public record Mention(int sentence, int start, int end, String surface, String entityId, String entityType,
                      String method, double confidence, String canonicalName) implements Serializable {

    public static final String KB = "kb";
    public static final String KB_ROLE = "kb_role";
    public static final String PATTERN = "pattern";
    public static final String COREF = "coref";
}
