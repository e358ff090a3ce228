package newslens.entities.rules;

import newslens.entities.Article;
import newslens.entities.EntityIds;
import newslens.entities.EntityType;
import newslens.entities.Mention;
import newslens.entities.kb.KnowledgeBase;
import newslens.text.Token;

/**
 * A unit word ({@code tỉnh}, {@code huyện}, {@code sông}) followed by a name: LOC, the unit inside the span as
 * the gold convention wants, the id from the name. Not when the unit word ends a common compound, follows a
 * location cue that already holds it, or is a person's initial after a title ({@code bà H.}). The names
 * listed after the first share its unit word ({@code các huyện Hoằng Hóa, Nga Sơn}).
 */
final class UnitLocationRule implements ProposalRule {

    private static final long serialVersionUID = 1L;
    /** Tokens looked back over for the unit word that heads a list of names. */
    private static final int MAX_LIST_TOKENS = 16;

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
        if (unit == 0) {
            return listedAfterUnit(a, i);
        }
        if (lex.commonCompounds().longestEndingAt(a, i + 1) > 1 || predicates.isInitialAfterTitle(a, i)) {
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

    /**
     * A name listed after a unit word's name, the unit word said once for all of them ({@code các huyện Hoằng
     * Hóa, Nga Sơn}, {@code phố Bà Triệu và Lê Thái Tổ}): a place too, though it may have a person's shape
     * (streets are named after people). After a comma the list must go on or end after it, so the subject of
     * a clause is not taken ({@code Ở huyện Nga Sơn, Nguyễn Văn A bị bắt}). After a site's head word the
     * name is a site of the same kind ({@code phố Lê Thái Tổ}).
     */
    private Candidate listedAfterUnit(Article a, int i) {
        if (i < 2 || !a.isCapitalisedWord(i) || !TokenPredicates.isListSeparator(a.token(i - 1))
                || !a.adjacent(i - 1) || a.sentenceOf()[i - 1] != a.sentenceOf()[i]) {
            return null;
        }
        int k = i - 2;
        for (int seen = 0; k >= 0 && seen < MAX_LIST_TOKENS && a.sentenceOf()[k] == a.sentenceOf()[i]; k--, seen++) {
            Token token = a.token(k);
            if (!a.isCapitalisedWord(k) && !TokenPredicates.isListSeparator(token) && !token.text().equals(":")) {
                break;
            }
        }
        if (k < 0 || a.sentenceOf()[k] != a.sentenceOf()[i]) {
            return null;
        }
        boolean listRightAfter = a.isCapitalisedWord(k + 1)
                || (a.token(k + 1).text().equals(":") && a.isCapitalisedWord(k + 2));
        if (!listRightAfter) {
            return null;
        }
        int unit = lex.locationUnits().longestEndingAt(a, k + 1);
        if (unit == 0 || lex.commonCompounds().longestEndingAt(a, k + 1) > 1) {
            return null;
        }
        int end = predicates.placeEnd(a, i - 1);
        if (end <= i || (a.token(i - 1).text().equals(",") && !listGoesOnOrEnds(a, end))) {
            return null;
        }
        if (lex.landmarkHeads().longestEndingAt(a, k + 1) != unit) {
            return predicates.headedName(a, i, i, end, EntityType.LOC, Confidence.PLACE_LISTED_AFTER_UNIT);
        }
        // phố Bà Triệu và Lê Thái Tổ: the second street is the site "phố Lê Thái Tổ", as the first is.
        String site = a.surface(k + 1 - unit, k + 1) + " " + a.surface(i, end);
        return new Candidate(i, i, end, EntityType.LOC, Mention.PATTERN, Confidence.PLACE_LISTED_AFTER_UNIT,
                EntityIds.fromName(EntityType.LOC, site), site, Candidate.Support.STRONG);
    }

    /** The list goes on after a name ending at {@code end} ({@code ,}, {@code và}) or ends there (punctuation). */
    private static boolean listGoesOnOrEnds(Article a, int end) {
        if (end >= a.size()) {
            return true;
        }
        Token next = a.token(end);
        return TokenPredicates.isListSeparator(next) || next.kind() == Token.Kind.PUNCT;
    }
}
