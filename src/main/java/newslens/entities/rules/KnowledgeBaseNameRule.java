package newslens.entities.rules;

import newslens.entities.Article;
import newslens.entities.EntityType;
import newslens.entities.Mention;
import newslens.entities.kb.KbEntity;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.rules.Candidate.Support;
import newslens.text.TokenTrie;

/**
 * The longest knowledge-base alias at a token, within one sentence, typed and linked by the knowledge base; a
 * title just before it prefers a person among the entities the alias names. An alias is left alone when its
 * context says it is a common word: a one-syllable common word opening a sentence (not alone in brackets,
 * {@code Tony Blair (Anh)}), or an ambiguous alias glued
 * to an unknown name ({@code Mỹ} in {@code Mỹ Tâm}) or opening a sentence before another capitalised word, and
 * a one-syllable alias inside a word that holds it ({@code Pháp lý}, {@code bảng Anh}).
 */
final class KnowledgeBaseNameRule implements ProposalRule {

    private static final long serialVersionUID = 1L;

    private final KnowledgeBase kb;
    private final KnowledgeBase.Lexicons lex;
    private final TokenPredicates predicates;

    KnowledgeBaseNameRule(TokenPredicates predicates) {
        this.kb = predicates.kb();
        this.lex = predicates.lexicons();
        this.predicates = predicates;
    }

    @Override
    public String name() {
        return "knowledge-base";
    }

    /** Most direct evidence: first on a tie. */
    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Candidate proposeAt(Article a, int i) {
        TokenTrie.Match<KnowledgeBase.AliasEntry> match = kb.aliasAt(a.tokens(), i);
        if (match == null || a.sentenceOf()[match.end() - 1] != a.sentenceOf()[i]) {
            return null;
        }
        boolean afterTitle = lex.personTitles().longestEndingAt(a, i) > 0;
        KnowledgeBase.AliasEntry entry = predicates.choose(match.values(), afterTitle ? EntityType.PER : null);
        boolean single = match.end() - i == 1;
        if (single && a.sentenceInitial()[i] && lex.commonWords().containsIgnoringCase(a.token(i).text())
                && !aloneInBrackets(a, i)) {
            return null;
        }
        if (single && predicates.insideWordHoldingName(a, i)) {
            return null;
        }
        if (entry.ambiguous() && (gluedToUnknownName(a, i, match.end())
                || (a.sentenceInitial()[i] && a.isCapitalisedWord(i + 1) && a.adjacent(i)))) {
            return null;
        }
        KbEntity entity = kb.entity(entry.entityId()).orElseThrow();
        double confidence = entry.ambiguous() ? Confidence.KB_AMBIGUOUS : Confidence.KB_UNAMBIGUOUS;
        return new Candidate(i, i, match.end(), entity.type(), Mention.KB, confidence, entity.id(), entity.name(),
                Support.STRONG);
    }

    /** {@code Tony Blair (Anh)}: a word alone in brackets glosses what comes before it, so it is the name. */
    private static boolean aloneInBrackets(Article a, int i) {
        return i > 0 && i + 1 < a.size() && a.token(i - 1).text().equals("(") && a.token(i + 1).text().equals(")");
    }

    /**
     * {@code Mỹ} in {@code Mỹ Tâm} or {@code Nga} in {@code Thị Nga}: part of a longer, unknown name. A full
     * name after it is a name of its own ({@code Tổng thống Mỹ George Bush}).
     */
    private boolean gluedToUnknownName(Article a, int first, int last) {
        boolean before = a.isCapitalisedWord(first - 1) && a.adjacent(first - 1) && !a.sentenceInitial()[first - 1]
                && !isContextWord(a, first - 1);
        boolean after = a.isCapitalisedWord(last) && a.adjacent(last - 1) && kb.aliasAt(a.tokens(), last) == null
                && !isContextWord(a, last) && !(a.isCapitalisedWord(last + 1) && a.adjacent(last));
        return before || after;
    }

    private boolean isContextWord(Article a, int i) {
        return lex.personTitles().longestStartingAt(a, i) > 0
                || lex.personTitles().longestEndingAt(a, i + 1) > 0
                || lex.orgHeads().longestEndingAt(a, i + 1) > 0
                || lex.locationUnits().longestEndingAt(a, i + 1) > 0
                || lex.commonWords().containsIgnoringCase(a.token(i).text());
    }
}
