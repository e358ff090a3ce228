package newslens.entities.rules;

import java.util.Optional;
import newslens.entities.Article;
import newslens.entities.EntityType;
import newslens.entities.Mention;
import newslens.entities.kb.KbEntity;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.rules.Candidate.Support;
import newslens.text.TokenTrie;

/**
 * A country's one-syllable short form beside another country across a dash ({@code quan hệ Việt - Trung},
 * {@code Mỹ - Trung}, {@code biên giới Việt-Lào}): the country, linked to it. Alone the short form is no country
 * ({@code miền Trung}, the given name {@code Việt}); the knowledge base lists the forms
 * ({@code country_pair_forms.txt}).
 */
final class CountryPairRule implements ProposalRule {

    private static final long serialVersionUID = 1L;
    private static final String COUNTRY = "country";
    /** Longest country alias looked for before a dash, in tokens ({@code Cộng hòa Nhân dân Trung Hoa}). */
    private static final int LONGEST_COUNTRY_BEFORE = 6;

    private final KnowledgeBase kb;

    CountryPairRule(TokenPredicates predicates) {
        this.kb = predicates.kb();
    }

    @Override
    public String name() {
        return "country-pair";
    }

    /** Knowledge in a context: after the knowledge base's own names, before the patterns. */
    @Override
    public int priority() {
        return 2;
    }

    @Override
    public Candidate proposeAt(Article a, int i) {
        if (!isDash(a, i + 1) && !isDash(a, i - 1)) {
            return null;   // asked at every word: the cheap test first
        }
        Optional<String> country = kb.countryOfPairForm(a.token(i).text());
        if (country.isEmpty() || !(countryAfterDash(a, i + 1) || countryBeforeDash(a, i - 1))) {
            return null;
        }
        KbEntity entity = kb.entity(country.get()).orElseThrow();
        return new Candidate(i, i, i + 1, EntityType.LOC, Mention.KB, Confidence.COUNTRY_IN_PAIR, entity.id(),
                entity.name(), Support.STRONG);
    }

    /** A dash at {@code k}, then a country's short form or name. */
    private boolean countryAfterDash(Article a, int k) {
        if (!isDash(a, k) || k + 1 >= a.size()) {
            return false;
        }
        if (kb.countryOfPairForm(a.token(k + 1).text()).isPresent()) {
            return true;
        }
        TokenTrie.Match<KnowledgeBase.AliasEntry> named = kb.aliasAt(a.tokens(), k + 1);
        return named != null && isCountry(named);
    }

    /** A country's short form or name, then a dash at {@code k}. */
    private boolean countryBeforeDash(Article a, int k) {
        if (!isDash(a, k) || k < 1) {
            return false;
        }
        if (kb.countryOfPairForm(a.token(k - 1).text()).isPresent()) {
            return true;
        }
        for (int start = Math.max(0, k - LONGEST_COUNTRY_BEFORE); start < k; start++) {
            TokenTrie.Match<KnowledgeBase.AliasEntry> named = kb.aliasAt(a.tokens(), start);
            if (named != null && named.end() == k && isCountry(named)) {
                return true;
            }
        }
        return false;
    }

    private boolean isCountry(TokenTrie.Match<KnowledgeBase.AliasEntry> named) {
        return named.values().stream().anyMatch(entry ->
                kb.entity(entry.entityId()).map(e -> COUNTRY.equals(e.kind())).orElse(false));
    }

    /** {@code -} or {@code –} between two tokens of one sentence. */
    private static boolean isDash(Article a, int k) {
        if (k < 1 || k + 1 >= a.size() || a.sentenceOf()[k - 1] != a.sentenceOf()[k + 1]) {
            return false;
        }
        String text = a.token(k).text();
        return text.equals("-") || text.equals("–");
    }
}
