package newslens.ingest.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShinglesTest {

    private static final Shingles FIVE = new Shingles(5);
    private static final String SENTENCE =
            "Sáng nay, mưa lớn kéo dài khiến nhiều tuyến phố ở trung tâm thành phố ngập sâu.";

    @Test
    void wordsAreLowerCasedNfcWithoutPunctuation() {
        assertEquals(List.of("ông", "nguyễn", "văn", "an", "tp", "hcm", "nói", "1", "500", "người", "đã", "đến"),
                FIVE.words("Ông Nguyễn Văn An (TP.HCM) nói: \"1.500 người đã đến!\""));
    }

    @Test
    void decomposedCaseChangedAndRepunctuatedCopiesHaveTheSameShingles() {
        String decomposed = Normalizer.normalize(SENTENCE, Normalizer.Form.NFD);
        assertArrayEquals(FIVE.of(SENTENCE), FIVE.of(decomposed));
        assertArrayEquals(FIVE.of(SENTENCE), FIVE.of(SENTENCE.toUpperCase().replace(",", " -").replace(".", "")));
    }

    @Test
    void hashesAreOfTheWordsAsListed() {
        assertArrayEquals(FIVE.of("Hà Nội-Hải Phòng: 120 km."), FIVE.of("hà nội hải phòng 120 km"));
        assertEquals(List.of("hà", "nội", "hải", "phòng", "120", "km"), FIVE.words("Hà Nội-Hải Phòng: 120 km."));
    }

    @Test
    void oneShinglePerRunOfFiveWordsSortedAndDistinct() {
        long[] shingles = FIVE.of(SENTENCE);
        assertEquals(FIVE.words(SENTENCE).size() - 4, shingles.length);
        for (int i = 1; i < shingles.length; i++) {
            assertTrue(shingles[i - 1] < shingles[i]);
        }
        assertEquals(2, FIVE.of("một hai một hai một hai một hai").length, "repeated windows count once");
    }

    @Test
    void shortBodyHasOneShingleAndEmptyBodyNone() {
        assertEquals(1, FIVE.of("Tin vắn.").length);
        assertEquals(0, FIVE.of(" … ").length);
    }

    @Test
    void wordOrderMatters() {
        assertEquals(0.0, Shingles.jaccard(FIVE.of("một hai ba bốn năm"), FIVE.of("năm bốn ba hai một")));
    }

    @Test
    void jaccardOfSortedSets() {
        assertEquals(2.0 / 4, Shingles.jaccard(new long[] {1, 2, 3}, new long[] {2, 3, 4}));
        assertEquals(1.0, Shingles.jaccard(new long[] {-5, 7}, new long[] {-5, 7}));
        assertEquals(0.0, Shingles.jaccard(new long[0], new long[0]));
    }

    @Test
    void packedSetsComeBackAsTheyWere() {
        long[] shingles = FIVE.of(SENTENCE);
        assertArrayEquals(shingles, Shingles.unpack(Shingles.pack(shingles)));
        assertEquals(8 * shingles.length, Shingles.pack(shingles).length);
        assertArrayEquals(new long[0], Shingles.unpack(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Shingles.unpack(new byte[7]));
    }
}
