package newslens.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import newslens.tools.generate.NearCopyPlan.CopyTruth;
import org.junit.jupiter.api.Test;

/** The pair precision and recall of found duplicate groups against planted copies, on hand-made groups. */
class PlantedCopiesTest {

    /**
     * Planted: a1 and a2 copy a0; b1 copies b0; c2 copies c1, which copies c0 (one group of three). 3 + 1 + 3
     * = 7 true pairs.
     */
    private static final List<CopyTruth> PLANTED = List.of(new CopyTruth("a1", "a0"), new CopyTruth("a2", "a0"),
            new CopyTruth("b1", "b0"), new CopyTruth("c1", "c0"), new CopyTruth("c2", "c1"));

    @Test
    void missedCopyAndFalseMergesLowerRecallAndPrecision() {
        Map<String, String> duplicateOf = new LinkedHashMap<>();
        duplicateOf.put("a1", "a0"); // a2 missed: pairs a0~a2 and a1~a2 lost
        duplicateOf.put("b1", "b0");
        duplicateOf.put("x", "b0");  // false merge into b's group: x~b0, x~b1 wrong
        duplicateOf.put("c1", "c0");
        duplicateOf.put("c2", "c0"); // the chain, found as one group with c0 as head
        duplicateOf.put("z", "y");   // two unplanted articles merged: y~z wrong

        PlantedCopies.Score score = PlantedCopies.score(PLANTED, duplicateOf, 0);

        assertEquals(5, score.plantedCopies());
        assertEquals(8, score.plantedArticles());
        assertEquals(7, score.truePairs());
        assertEquals(1 + 3 + 3 + 1, score.foundPairs());
        assertEquals(1 + 1 + 3, score.correctPairs());
        assertEquals(5.0 / 8, score.precision(), 1e-12);
        assertEquals(5.0 / 7, score.recall(), 1e-12);
        assertEquals(List.of("a0 ~ a2"), score.missedPairs());
        assertEquals(List.of("b0 ~ x", "y ~ z"), score.falseMergePairs());
    }

    @Test
    void perfectGroupsScoreOneWhicheverArticleIsHead() {
        Map<String, String> duplicateOf = Map.of("a0", "a2", "a1", "a2", // a copy elected head: still the group
                "b1", "b0", "c0", "c2", "c1", "c2");
        PlantedCopies.Score score = PlantedCopies.score(PLANTED, duplicateOf, 0);
        assertEquals(1.0, score.precision());
        assertEquals(1.0, score.recall());
        assertEquals(List.of(), score.missedPairs());
        assertEquals(List.of(), score.falseMergePairs());
    }

    @Test
    void aChainOfDuplicateOfIsOneGroupAndSplitGroupsLosePairs() {
        // c2 points at c1, which points at c0: one found group. a's group is split in two.
        Map<String, String> duplicateOf = Map.of("c2", "c1", "c1", "c0", "a1", "a0", "a2", "b1");
        PlantedCopies.Score score = PlantedCopies.score(PLANTED, duplicateOf, 0);
        assertEquals(3 + 1 + 1, score.foundPairs());
        assertEquals(3 + 1, score.correctPairs());
        assertEquals(4.0 / 5, score.precision(), 1e-12);
        assertEquals(4.0 / 7, score.recall(), 1e-12);
        assertEquals(List.of("a0 ~ a2", "b0 ~ b1"), score.missedPairs());
        assertEquals(List.of("a2 ~ b1"), score.falseMergePairs());
    }

    @Test
    void nothingFoundHasNoPrecisionAndZeroRecall() {
        PlantedCopies.Score score = PlantedCopies.score(PLANTED, Map.of(), 2);
        assertEquals(0, score.foundPairs());
        assertNull(score.precision());
        assertEquals(0.0, score.recall());
        assertEquals(2, score.missingArticles());
        assertEquals(List.of("a0 ~ a1", "b0 ~ b1", "c0 ~ c1"), score.missedPairs());
        assertNull(PlantedCopies.score(List.of(), Map.of(), 0).recall());
    }

    @Test
    void theScoreDoesNotDependOnTheOrderOfInput() {
        Map<String, String> duplicateOf = Map.of("a1", "a0", "x", "b0", "b1", "b0", "c2", "c0", "z", "y");
        PlantedCopies.Score expected = PlantedCopies.score(PLANTED, duplicateOf, 0);
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            List<CopyTruth> planted = new ArrayList<>(PLANTED);
            Collections.shuffle(planted, random);
            List<Map.Entry<String, String>> entries = new ArrayList<>(duplicateOf.entrySet());
            Collections.shuffle(entries, random);
            Map<String, String> shuffled = new LinkedHashMap<>();
            entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
            assertEquals(expected, PlantedCopies.score(planted, shuffled, 0));
        }
    }
}
