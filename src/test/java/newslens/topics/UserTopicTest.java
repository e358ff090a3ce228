package newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import newslens.text.WordSegmenter;
import org.junit.jupiter.api.Test;

class UserTopicTest {

    private final UserTopic nuclear = new UserTopic(1000, "Hạt nhân", List.of("Hạt  nhân", "INF", "org:iaea"));
    private final WordSegmenter segmenter = WordSegmenter.withLexicon();

    @Test
    void weightIsTheShareOfKeywordsFound() {
        var phrases = segmenter.phrases("Hiệp ước INF về vũ khí hạt nhân. Hạt nhân là chủ đề chính.");
        assertEquals(2.0 / 3, nuclear.weight(phrases, List.of(), 2), 1e-12);
        assertEquals(1.0, nuclear.weight(phrases, List.of("org:iaea", "per:someone"), 2), 1e-12);
    }

    @Test
    void tooFewHitsGiveZeroAndSyllablesMustMatchWhole() {
        assertEquals(0.0, nuclear.weight(segmenter.phrases("Nhà máy hạt nhân."), List.of(), 2));
        assertEquals(0.0, nuclear.weight(segmenter.phrases("hạt, nhân hạt giống nhân dân"), List.of(), 1));
        assertEquals(1.0 / 3, nuclear.weight(segmenter.phrases("Nhà máy hạt nhân."), List.of(), 1), 1e-12);
    }

    @Test
    void keywordsAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> new UserTopic(1000, "Trống", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new UserTopic(1000, " ", List.of("a")));
    }
}
