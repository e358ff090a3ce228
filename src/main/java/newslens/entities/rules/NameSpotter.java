package newslens.entities.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import newslens.entities.Article;
import newslens.entities.kb.KnowledgeBase;

/**
 * First pass over an article: proposes non-overlapping name spans left to right. At each word every
 * {@link ProposalRule} may propose a name starting there; the one kept is chosen by the policy written in
 * {@link ProposalRule} (yielding, then length, then priority), and the scan resumes after it.
 */
final class NameSpotter implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rules in priority order, lowest first, so that on a tie in length the earlier one wins. */
    private final ProposalRule[] rules;

    NameSpotter(KnowledgeBase kb) {
        this(standardRules(new TokenPredicates(kb)));
    }

    NameSpotter(List<ProposalRule> rules) {
        Set<Integer> priorities = new HashSet<>();
        for (ProposalRule rule : rules) {
            if (!priorities.add(rule.priority())) {
                throw new IllegalArgumentException("two rules share priority " + rule.priority() + ": " + rule.name());
            }
        }
        List<ProposalRule> ordered = new ArrayList<>(rules);
        ordered.sort(Comparator.comparingInt(ProposalRule::priority));
        this.rules = ordered.toArray(ProposalRule[]::new);
    }

    /** Every rule the recogniser uses; a new rule is registered here. */
    static List<ProposalRule> standardRules(TokenPredicates predicates) {
        return List.of(
                new KnowledgeBaseNameRule(predicates),
                new CountryPairRule(predicates),
                new OrganisationRule(predicates),
                new UnitLocationRule(predicates),
                new GroupNameRule(predicates),
                new CapitalisedRunRule(predicates));
    }

    List<Candidate> spot(Article article) {
        List<Candidate> result = new ArrayList<>();
        Candidate[] proposals = new Candidate[rules.length];
        int i = 0;
        while (i < article.size()) {
            Candidate best = article.token(i).isWordLike() ? bestAt(article, i, proposals) : null;
            if (best == null) {
                i++;
            } else {
                result.add(best);
                i = best.last();
            }
        }
        return result;
    }

    /** The proposal kept at token {@code i}, by the policy of {@link ProposalRule}; null if none. */
    private Candidate bestAt(Article a, int i, Candidate[] proposals) {
        for (int r = 0; r < rules.length; r++) {
            proposals[r] = rules[r].proposeAt(a, i);
        }
        Candidate best = null;
        for (int r = 0; r < rules.length; r++) {
            Candidate own = proposals[r];
            if (own != null && !yields(a, r, proposals) && (best == null || own.length() > best.length())) {
                best = own;
            }
        }
        return best;
    }

    private boolean yields(Article a, int r, Candidate[] proposals) {
        for (int other = 0; other < proposals.length; other++) {
            if (other != r && proposals[other] != null && rules[r].yieldsTo(a, proposals[r], proposals[other])) {
                return true;
            }
        }
        return false;
    }
}
