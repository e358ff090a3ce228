package newslens.entities.rules;

import newslens.entities.Article;
import newslens.entities.EntityType;
import newslens.entities.kb.KnowledgeBase;

/**
 * A unit word ({@code tỉnh}, {@code huyện}, {@code sông}) followed by a name: LOC, the unit inside the span as
 * the gold convention wants, the id from the name. Not when the unit word ends a common compound, follows a
 * location cue that already holds it, or is a person's initial after a title ({@code bà H.}).
 */
final class UnitLocationRule implements ProposalRule {

    private static final long serialVersionUID = 1L;

    private final KnowledgeBase.Lexicons lex;
    private final TokenPredicates predicates;

    UnitLocationRule(TokenPredicates predicates) {
        this.lex = predicates.lexicons();
        this.predicates = predicates;
    }

    @Override
    public String name() {
        return "unit-location";
    }

    @Override
    public int priority() {
        return 4;
    }

    @Override
    public Candidate proposeAt(Article a, int i) {
        int unit = lex.locationUnits().longestStartingAt(a, i);
        if (unit == 0 || lex.commonCompounds().longestEndingAt(a, i + 1) > 1 || predicates.isInitialAfterTitle(a, i)) {
            return null;
        }
        int nameStart = i + unit;
        if (lex.locationCues().longestEndingAt(a, nameStart) > unit) {
            return null;
        }
        int end = predicates.placeEnd(a, nameStart - 1);
        if (end <= nameStart) {
            return null;
        }
        boolean landmark = lex.landmarkHeads().longestStartingAt(a, i) == unit;
        return predicates.headedName(a, i, nameStart, end, EntityType.LOC, Confidence.UNIT_AND_NAME, landmark);
    }
}
