package newslens.entities.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.List;
import newslens.entities.Article;
import newslens.entities.EntityType;
import newslens.entities.Mention;
import newslens.entities.rules.Candidate.Support;
import org.junit.jupiter.api.Test;

/** The one policy that picks among the rules' proposals, checked with rules made up for the test. */
class NameSpotterTest {

    private static final String TEXT = "Chiều nay Hội Nông Dân Xã Hòa An họp.";

    /** Proposes {@code length} tokens at the word {@code at}; yields to longer proposals when asked to. */
    private record FixedRule(String name, int priority, String at, int length, boolean yieldsToLonger)
            implements ProposalRule {

        @Override
        public Candidate proposeAt(Article article, int i) {
            if (!article.token(i).text().equals(at)) {
                return null;
            }
            return new Candidate(i, i, i + length, EntityType.ORG, name, 0.5, name, name, Support.STRONG);
        }

        @Override
        public boolean yieldsTo(Article article, Candidate own, Candidate other) {
            return yieldsToLonger && other.length() < own.length();
        }
    }

    private static List<String> winners(List<ProposalRule> rules) {
        Article article = RuleProbe.read(TEXT);
        return new NameSpotter(rules).spot(article).stream()
                .map(c -> c.method() + ":" + article.surface(c.first(), c.last())).toList();
    }

    @Test
    void theLongestProposalWinsWhateverItsPriority() {
        assertEquals(List.of("b:Hội Nông Dân"), winners(List.of(
                new FixedRule("a", 1, "Hội", 2, false), new FixedRule("b", 2, "Hội", 3, false))));
    }

    @Test
    void onATieTheLowerPriorityWinsWhateverTheRegistrationOrder() {
        List<String> expected = List.of("a:Hội Nông");
        assertEquals(expected, winners(List.of(new FixedRule("b", 7, "Hội", 2, false),
                new FixedRule("a", 3, "Hội", 2, false))));
        assertEquals(expected, winners(List.of(new FixedRule("a", 3, "Hội", 2, false),
                new FixedRule("b", 7, "Hội", 2, false))));
    }

    @Test
    void aRuleThatYieldsLosesEvenWhenLonger() {
        assertEquals(List.of("a:Hội"), winners(List.of(
                new FixedRule("a", 1, "Hội", 1, false), new FixedRule("b", 2, "Hội", 4, true))));
    }

    @Test
    void proposalsNeverOverlapAndTheScanGoesOnAfterTheWinner() {
        assertEquals(List.of("a:Hội Nông Dân", "c:Hòa An"), winners(List.of(
                new FixedRule("a", 1, "Hội", 3, false), new FixedRule("b", 2, "Dân", 3, false),
                new FixedRule("c", 3, "Hòa", 2, false))));
    }

    @Test
    void twoRulesMayNotShareAPriority() {
        assertThrows(IllegalArgumentException.class, () -> new NameSpotter(List.of(
                new FixedRule("a", 1, "Hội", 1, false), new FixedRule("b", 1, "Hội", 1, false))));
    }

    /** The order the recogniser's outputs were built with: direct evidence before patterns before capitals. */
    @Test
    void theStandardRulesTieInThisOrder() {
        List<String> byPriority = NameSpotter.standardRules(RuleProbe.PREDICATES).stream()
                .sorted(Comparator.comparingInt(ProposalRule::priority)).map(ProposalRule::name).toList();
        assertEquals(List.of("knowledge-base", "country-pair", "organisation", "unit-location", "group",
                "capitalised-run"), byPriority);
    }

    @Test
    void aKnownNameBeatsAnEquallyLongRun() {
        Article article = RuleProbe.read("Hai nước Việt Nam và Nga vừa ký thêm ba hiệp định.");
        int nga = RuleProbe.indexOf(article, "Nga");
        Candidate run = new CapitalisedRunRule(RuleProbe.PREDICATES).proposeAt(article, nga);
        Candidate kept = new NameSpotter(RuleProbe.KB).spot(article).stream()
                .filter(c -> c.first() == nga).findFirst().orElseThrow();
        assertEquals(run.length(), kept.length(), "both rules propose one token");
        assertEquals(Mention.KB, kept.method());
        assertEquals(EntityType.LOC, kept.type());
    }
}
