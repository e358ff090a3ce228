package newslens.entities.rules;

import java.io.Serializable;
import newslens.entities.Article;

/**
 * One way of spotting a name: asked at every word of an article, it proposes at most one name starting there.
 * {@link NameSpotter} asks every rule and keeps one proposal per position by a single policy:
 * <ol>
 *   <li>a proposal whose rule {@linkplain #yieldsTo yields} to another rule's proposal at the same position is
 *       set aside;</li>
 *   <li>the longest remaining proposal wins;</li>
 *   <li>among equally long ones, the rule with the lowest {@link #priority()} wins (confidence plays no part).</li>
 * </ol>
 * Rules are immutable and {@link Serializable}: the recogniser holding them is shipped to Spark executors.
 */
interface ProposalRule extends Serializable {

    /** Short, stable name of the rule, for tests and diagnostics. */
    String name();

    /**
     * Rank on a tie in length: lower wins. Each rule has its own; the more direct the evidence, the lower
     * (knowledge base before patterns, patterns before a bare capitalised run).
     */
    int priority();

    /**
     * The name this rule finds starting at token {@code i}, or null when it finds none. Called only at
     * word-like tokens, at every one of them, so it should give up cheaply.
     */
    Candidate proposeAt(Article article, int i);

    /** Whether this rule's {@code own} proposal steps aside for {@code other}'s, proposed at the same token. */
    default boolean yieldsTo(Article article, Candidate own, Candidate other) {
        return false;
    }
}
