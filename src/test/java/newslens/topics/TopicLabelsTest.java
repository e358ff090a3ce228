package newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicLabelsTest {

    @Test
    void labelIsTheTopThreeWordsWithoutEntityIds() {
        assertEquals("bóng đá, cầu thủ, trận đấu",
                TopicLabels.label(List.of("bóng đá", "per:nguyen_van_an", "cầu thủ", "trận đấu", "ghi bàn")));
        assertEquals("bão", TopicLabels.label(List.of("bão")));
    }
}
