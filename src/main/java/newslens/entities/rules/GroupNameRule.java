package newslens.entities.rules;

import newslens.entities.Article;
import newslens.entities.EntityType;
import newslens.entities.kb.KnowledgeBase;
import newslens.text.TokenTrie;

/**
 * {@code người}/{@code tiếng} followed by a capitalised name: a people or a language, MISC ({@code người Việt},
 * {@code tiếng Anh}). The name is a knowledge-base alias when one starts there, else a capitalised run; a person title
 * after the head is no name.
 */
final class GroupNameRule implements ProposalRule {

    private static final long serialVersionUID = 1L;

    private final KnowledgeBase kb;
    private final KnowledgeBase.Lexicons lex;
    private final TokenPredicates predicates;

    GroupNameRule(TokenPredicates predicates) {
        this.kb = predicates.kb();
        this.lex = predicates.lexicons();
        this.predicates = predicates;
    }

    @Override
    public String name() {
        return "group";
    }

    @Override
    public int priority() {
        return 5;
    }

    @Override
    public Candidate proposeAt(Article a, int i) {
        int head = lex.groupHeads().longestStartingAt(a, i);
        int nameStart = i + head;
        if (head == 0 || !a.adjacent(nameStart - 1) || !a.isCapitalisedWord(nameStart)
                || lex.personTitles().longestStartingAt(a, nameStart) > 0) {
            return null;
        }
        TokenTrie.Match<KnowledgeBase.AliasEntry> match = kb.aliasAt(a.tokens(), nameStart);
        int end = match != null ? match.end() : predicates.runEnd(a, nameStart, true);
        return predicates.headedName(a, i, nameStart, end, EntityType.MISC, Confidence.GROUP_AND_NAME);
    }
}
