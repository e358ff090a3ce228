package newslens.entities.rules;

import static org.junit.jupiter.api.Assertions.fail;

import newslens.entities.Article;
import newslens.entities.kb.KnowledgeBase;

/** Asks one {@link ProposalRule} what it proposes at a word of a sentence, over the shipped knowledge base. */
final class RuleProbe {

    static final KnowledgeBase KB = KnowledgeBase.load();
    static final TokenPredicates PREDICATES = new TokenPredicates(KB);
    private static final EntityRecognizer READER = new EntityRecognizer(KB);

    private RuleProbe() {
    }

    static Article read(String text) {
        return READER.read(text);
    }

    /** Index of the first token written {@code word}. */
    static int indexOf(Article article, String word) {
        for (int i = 0; i < article.size(); i++) {
            if (article.token(i).text().equals(word)) {
                return i;
            }
        }
        return fail("no token '" + word + "' in: " + article.text());
    }

    /** The rule's proposal at the first token written {@code word}, or null. */
    static Candidate proposal(ProposalRule rule, String text, String word) {
        Article article = read(text);
        return rule.proposeAt(article, indexOf(article, word));
    }

    /** {@code surface/TYPE} of the rule's proposal at {@code word}, or null when it proposes nothing. */
    static String spanAt(ProposalRule rule, String text, String word) {
        Article article = read(text);
        Candidate c = rule.proposeAt(article, indexOf(article, word));
        return c == null ? null : article.surface(c.first(), c.last()) + "/" + c.type();
    }
}
