package newslens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        assertEquals(List.of("bệnh viện", "tiếp nhận", "bệnh nhân", "ung thư"),
                shipped.words("Bệnh viện tiếp nhận bệnh nhân ung thư"));
    }

    @Test
    void theFewestWordsWinOverTheLongestFirstWord() {
        WordSegmenter ethnic = new WordSegmenter(Tokenizer.standard(),
                List.of("người dân", "dân tộc", "thiểu số", "dân tộc thiểu số"));
        assertEquals(List.of("người", "dân tộc thiểu số", "sống", "ở", "đây"),
                ethnic.words("người dân tộc thiểu số sống ở đây"));
    }

    @Test
    void onATieTheLongerFirstWordWins() {
        WordSegmenter school = new WordSegmenter(Tokenizer.standard(), List.of("học sinh", "sinh học"));
        assertEquals(List.of("học sinh", "học"), school.words("học sinh học"));
    }

    @Test
    void wordsNeverCrossALineEnd() {
        assertEquals(List.of(List.of("tổng"), List.of("thống")), segmenter.phrases("Tổng\nthống"));
        assertEquals(List.of("hạt", "nhân"), segmenter.words("hạt\nnhân"));
    }

    @Test
    void everyTokenOfATextIsInOneWordWithItsSpan() {
        String text = "Tổng thống (Mỹ) nói: vũ khí hạt nhân";
        List<WordSegmenter.Word> words = segmenter.segmentText(text);
        assertEquals(List.of("Tổng thống", "(", "Mỹ", ")", "nói", ":", "vũ khí hạt nhân"),
                words.stream().map(w -> text.substring(w.start(), w.end())).toList());
        assertEquals(List.of(2, 1, 1, 1, 1, 1, 4),
                words.stream().map(WordSegmenter.Word::syllables).toList());
    }
}
