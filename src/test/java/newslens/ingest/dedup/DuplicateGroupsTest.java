package newslens.ingest.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplicateGroupsTest {

    private static final DedupOptions OPTIONS = new DedupOptions(0.5, 3, 5, 128, 32);
    private static final LocalDate DAY = LocalDate.of(2024, 3, 10);

    /** Similarities of the test's pairs by "a b" (a before b); any other pair is 0.1. */
    private static DuplicateGroups.Similarity table(Map<String, Double> byPair) {
        return (a, b) -> byPair.getOrDefault(a.compareTo(b) < 0 ? a + " " + b : b + " " + a, 0.1);
    }

    private static DuplicateGroups.Article article(String id, String hash, LocalDate date) {
        return new DuplicateGroups.Article(id, hash, date);
    }

    private static DuplicateGroups.CandidatePair pair(String a, String b) {
        return new DuplicateGroups.CandidatePair(a, b);
    }

    @Test
    void headIsEarliestThenUndatedLastThenSmallestDocId() {
        List<DuplicateGroups.Article> articles = List.of(article("a", "h1", DAY.plusDays(1)),
                article("b", "h2", DAY), article("c", "h3", null), article("d", "h4", DAY));
        List<DuplicateGroups.Group> groups = DuplicateGroups.group(articles,
                List.of(pair("a", "b"), pair("b", "c"), pair("c", "d")),
                table(Map.of("a b", 0.9, "b c", 0.8, "c d", 0.7, "b d", 0.6)), OPTIONS);
        assertEquals(1, groups.size());
        assertEquals("b", groups.get(0).head());
        assertEquals(List.of(new DuplicateGroups.Member("a", "b", DuplicateKind.NEAR, 0.9),
                        new DuplicateGroups.Member("c", "b", DuplicateKind.NEAR, 0.8),
                        new DuplicateGroups.Member("d", "b", DuplicateKind.NEAR, 0.6)),
                groups.get(0).members());
    }

    @Test
    void sameContentHashIsExactWhateverTheDatesAndWithoutCandidates() {
        List<DuplicateGroups.Group> groups = DuplicateGroups.group(
                List.of(article("x", "same", DAY.plusDays(30)), article("y", "same", DAY), article("z", "other", DAY)),
                List.of(), table(Map.of()), OPTIONS);
        assertEquals(List.of(new DuplicateGroups.Group("y",
                List.of(new DuplicateGroups.Member("x", "y", DuplicateKind.EXACT, 1.0)))), groups);
    }

    @Test
    void kindIsRelativeToTheHeadInAMixedGroup() {
        List<DuplicateGroups.Group> groups = DuplicateGroups.group(
                List.of(article("orig", "h", DAY), article("copy", "h", DAY), article("edit", "e", DAY)),
                List.of(pair("copy", "edit")), table(Map.of("copy edit", 0.85, "edit orig", 0.85)), OPTIONS);
        Map<String, DuplicateGroups.Member> members = DuplicateGroups.membersById(groups);
        assertEquals(DuplicateKind.EXACT, members.get("orig").kind());
        assertEquals("copy", members.get("orig").duplicateOf());
        assertEquals(DuplicateKind.NEAR, members.get("edit").kind());
        assertEquals(0.85, members.get("edit").similarity());
    }

    @Test
    void belowThresholdOrTooManyDaysApartStaysApart() {
        List<DuplicateGroups.Article> articles = List.of(article("a", "h1", DAY), article("b", "h2", DAY),
                article("c", "h3", DAY.plusDays(4)), article("d", "h4", DAY.plusDays(7)));
        List<DuplicateGroups.Group> groups = DuplicateGroups.group(articles,
                List.of(pair("a", "b"), pair("a", "c"), pair("c", "d")),
                table(Map.of("a b", 0.49, "a c", 0.95, "c d", 0.95)), OPTIONS);
        assertEquals(List.of(new DuplicateGroups.Group("c",
                List.of(new DuplicateGroups.Member("d", "c", DuplicateKind.NEAR, 0.95)))), groups);
    }

    @Test
    void aChainOfCopiesCannotStretchAGroupBeyondTheWindowTheStrongerLinkWins() {
        List<DuplicateGroups.Article> articles = List.of(article("a", "h1", DAY), article("b", "h2", DAY.plusDays(2)),
                article("c", "h3", DAY.plusDays(4)));
        List<DuplicateGroups.Group> groups = DuplicateGroups.group(articles,
                List.of(pair("a", "b"), pair("b", "c")), table(Map.of("a b", 0.7, "b c", 0.9)), OPTIONS);
        assertEquals(List.of(new DuplicateGroups.Group("b",
                List.of(new DuplicateGroups.Member("c", "b", DuplicateKind.NEAR, 0.9)))), groups);
    }

    @Test
    void unknownOrRepeatedDocIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DuplicateGroups.group(
                List.of(article("a", "h", DAY)), List.of(pair("a", "zz")), table(Map.of()), OPTIONS));
        assertThrows(IllegalArgumentException.class, () -> DuplicateGroups.group(
                List.of(article("a", "h", DAY), article("a", "g", DAY)), List.of(), table(Map.of()), OPTIONS));
    }
}
