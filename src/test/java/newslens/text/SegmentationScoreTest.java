package newslens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationScoreTest {

    private final WordSegmenter segmenter = new WordSegmenter(Tokenizer.standard(), List.of("con gái", "nhà máy"));

    @Test
    void aWordCountsWhenItsSpanIsExactlyAGoldWords() {
        // gold: Cô | con_gái | về | nhà | máy_móc | . -> 6 words; segmented: Cô | con gái | về | nhà máy | móc | .
        SegmentationScore score = SegmentationScore.of("Cô con_gái về nhà máy_móc .", segmenter);
        assertEquals(6, score.goldWords());
        assertEquals(6, score.predictedWords());
        assertEquals(4, score.matchedWords());
        assertEquals(2, score.goldMultiSyllable());
        assertEquals(1, score.matchedMultiSyllable());
        assertEquals(4.0 / 6, score.f1(), 1e-12);
    }

    @Test
    void scoresAddUpOverLines() {
        SegmentationScore total = SegmentationScore.of("con_gái", segmenter)
                .plus(SegmentationScore.of("nhà_máy ,", segmenter));
        assertEquals(3, total.goldWords());
        assertEquals(3, total.matchedWords());
        assertEquals(1.0, total.precision(), 1e-12);
        assertEquals(1.0, total.multiSyllableRecall(), 1e-12);
    }

    @Test
    void theSegmenterReadsTheGoldLineWithoutItsUnderscores() {
        assertEquals("con gái về nhà", SegmentationScore.plainText("con_gái về nhà"));
    }
}
