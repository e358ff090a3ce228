package newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import newslens.text.Tokenizer;
import org.junit.jupiter.api.Test;

class WordSegmenterTest {

    private final WordSegmenter segmenter = new WordSegmenter(Tokenizer.standard(),
            List.of("tổng thống", "hạt nhân", "vũ khí hạt nhân", "Liên Hợp Quốc", "một hai ba bốn năm"));

    @Test
    void longestKnownWordWins() {
        assertEquals(List.of("tổng thống", "nói", "về", "vũ khí hạt nhân"),
                segmenter.words("Tổng thống nói về vũ khí hạt nhân"));
        assertEquals(List.of("nhà máy", "hạt nhân"),
                segmenter.plus(List.of("nhà máy")).words("nhà máy hạt nhân"));
    }

    @Test
    void wordsNeverCrossPunctuationOrNumbers() {
        assertEquals(List.of(List.of("tổng"), List.of("thống", "mới")), segmenter.phrases("Tổng, thống mới"));
        assertEquals(List.of("hạt", "nhân"), segmenter.words("hạt 2 nhân"));
        assertEquals(List.of("liên hợp quốc", "họp", "tại", "tp.hcm"), segmenter.words("Liên Hợp Quốc họp tại TP.HCM"));
    }

    @Test
    void wordsLongerThanFourSyllablesAreNotKept() {
        assertTrue(segmenter.words().contains("liên hợp quốc"));
        assertEquals(4, segmenter.words().size(), "the 5-syllable entry is dropped");
    }

    @Test
    void theShippedLexiconKnowsNewsWords() {
        WordSegmenter shipped = WordSegmenter.withLexicon();
        assertEquals(List.of("bệnh viện", "tiếp", "nhận", "bệnh nhân", "ung thư"),
                shipped.words("Bệnh viện tiếp nhận bệnh nhân ung thư"));
    }
}
