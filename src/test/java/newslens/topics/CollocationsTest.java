package newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollocationsTest {

    private final StopWords stopWords = new StopWords(List.of("của", "ông"));

    @Test
    void npmiRunsFromIndependenceToAlwaysTogether() {
        // a and b occur 10 times each, always side by side: p(ab) = 10/100, p(a) = p(b) = 10/100
        assertEquals(Math.log(10) / Math.log(10), Collocations.npmi(10, 10, 10, 100, 100), 1e-12);
        // independent: p(ab) = p(a) p(b)
        assertEquals(0.0, Collocations.npmi(1, 10, 10, 100, 100), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Collocations.npmi(0, 1, 1, 10, 10));
    }

    @Test
    void onlyContentWordsOfLettersUpToFourSyllablesJoin() {
        assertTrue(Collocations.mayJoin("hạt", "nhân", stopWords));
        assertTrue(Collocations.mayJoin("vũ khí", "hạt nhân", stopWords));
        assertFalse(Collocations.mayJoin("của", "nhân", stopWords));
        assertFalse(Collocations.mayJoin("ông", "trump", stopWords));
        assertFalse(Collocations.mayJoin("covid19", "mới", stopWords));
        assertFalse(Collocations.mayJoin("vũ khí hạt", "nhân dân", stopWords));
    }
}
