package newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopWordsTest {

    private final StopWords stopWords = StopWords.standard();

    @Test
    void functionWordsReportingVerbsAndNumbersAreStopWords() {
        for (String word : List.of("của", "cho biết", "theo", "chúng tôi", "ba", "hôm qua", "những")) {
            assertTrue(stopWords.isStop(word), word);
        }
    }

    @Test
    void topicWordsAndShortNoiseAreTold() {
        assertFalse(stopWords.isStop("hạt nhân"));
        assertFalse(stopWords.isStop("bóng đá"));
        assertTrue(stopWords.isStop("x"), "a stray initial");
        assertEquals(List.of("tổng thống", "vũ khí"), stopWords.content(List.of("tổng thống", "cho biết", "vũ khí", "của")));
    }
}
