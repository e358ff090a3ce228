package newslens.entities.rules;

import newslens.entities.EntityType;

/**
 * A mention being built: tokens {@code [first, last)}, of which {@code [nameFirst, last)} is the name itself
 * (a unit word such as {@code tỉnh} may precede it inside the span, as the gold convention wants).
 *
 * @param support what the type rests on; see {@link Support}
 */
record Candidate(int first, int nameFirst, int last, EntityType type, String method, double confidence,
                 String entityId, String canonicalName, Support support) {

    /** How much evidence a candidate has, which decides whether it survives on its own. */
    enum Support {
        /** Direct evidence: knowledge base, context word, surname, organisation head. */
        STRONG,
        /** Only its shape (a name-like run of syllables, an acronym): kept when longer than one token. */
        SHAPE,
        /** Only its capitals: kept only when the article gives its name real evidence elsewhere. */
        CAPITALS
    }

    Candidate relinked(EntityType newType, String newMethod, double newConfidence, String newId, String newCanonical) {
        return new Candidate(first, nameFirst, last, newType, newMethod, newConfidence, newId, newCanonical,
                Support.STRONG);
    }

    boolean strong() {
        return support == Support.STRONG;
    }

    int length() {
        return last - first;
    }
}
