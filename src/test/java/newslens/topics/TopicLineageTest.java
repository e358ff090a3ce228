package newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicLineageTest {

    private static final Map<String, Double> FOOTBALL = Map.of("bàn thắng", 5.0, "cầu thủ", 4.0, "trận đấu", 3.0);
    private static final Map<String, Double> STORM = Map.of("cơn bão", 6.0, "mưa lớn", 3.0, "sạt lở", 2.0);
    private static final Map<String, Double> ECONOMY = Map.of("lãi suất", 4.0, "ngân hàng", 4.0, "tỷ giá", 1.0);
    private static final Map<String, Double> FLOOD = Map.of("lũ lụt", 6.0, "mưa lớn", 3.0, "sạt lở", 2.0);

    @Test
    void cosineIgnoresScaleAndSeesSharedTermsOnly() {
        Map<String, Double> doubled = Map.of("bàn thắng", 10.0, "cầu thủ", 8.0, "trận đấu", 6.0);
        assertEquals(1.0, TopicLineage.cosine(FOOTBALL, doubled), 1e-12);
        assertEquals(0.0, TopicLineage.cosine(FOOTBALL, STORM), 1e-12);
        assertEquals((3 * 3 + 2 * 2) / (Math.sqrt(36 + 9 + 4) * Math.sqrt(36 + 9 + 4)),
                TopicLineage.cosine(STORM, FLOOD), 1e-12);
        assertEquals(0.0, TopicLineage.cosine(Map.of(), STORM), 1e-12);
    }

    @Test
    void theFirstModelNumbersItsTopicsFromZero() {
        TopicLineage.Ids ids = TopicLineage.first(3);
        assertEquals(List.of(0, 1, 2), ids.topicIds());
        assertEquals(3, ids.nextTopicId());
        assertEquals(3, ids.links().stream().filter(link -> link.kind().equals(TopicLineage.NEW)).count());
    }

    @Test
    void aRefitKeepsTheIdsOfTheTopicsItFindsAgainAndNumbersTheRestOnward() {
        // previous model: football = 4, storm = 7, economy = 9; the next free id is 12 (10 and 11 retired earlier)
        List<Map<String, Double>> previous = List.of(FOOTBALL, STORM, ECONOMY);
        List<Map<String, Double>> fitted = List.of(
                Map.of("cơn bão", 5.0, "mưa lớn", 3.0, "sạt lở", 2.0, "gió giật", 1.0),
                Map.of("vắc xin", 3.0, "bệnh viện", 2.0),
                Map.of("cầu thủ", 4.0, "bàn thắng", 4.0, "trận đấu", 2.0));

        TopicLineage.Ids ids = TopicLineage.match(previous, List.of(4, 7, 9), 12, fitted, 0.5);

        assertEquals(List.of(7, 12, 4), ids.topicIds());
        assertEquals(13, ids.nextTopicId());
        TopicLineage.Link retired = ids.links().get(3);
        assertEquals(TopicLineage.RETIRED, retired.kind());
        assertEquals(9, retired.previousTopicId());
        assertNull(retired.topicId());
        assertEquals(TopicLineage.NEW, ids.links().get(1).kind());
        assertNull(ids.links().get(1).previousTopicId());
        assertEquals(TopicLineage.KEPT, ids.links().get(0).kind());
    }

    @Test
    void twoPreviousTopicsFoundAsOneMergeIntoTheCloserOnesId() {
        // storm and flood share most weight with the fitted topic; storm is closer, so it keeps its id
        Map<String, Double> weather = Map.of("cơn bão", 5.0, "lũ lụt", 3.0, "mưa lớn", 3.0, "sạt lở", 2.0);
        TopicLineage.Ids ids = TopicLineage.match(List.of(FLOOD, STORM), List.of(0, 1), 2, List.of(weather), 0.5);

        assertEquals(List.of(1), ids.topicIds());
        TopicLineage.Link merged = ids.links().get(1);
        assertEquals(TopicLineage.MERGED, merged.kind());
        assertEquals(0, merged.previousTopicId());
        assertEquals(1, merged.topicId());
    }

    @Test
    void theMostSimilarPairIsMatchedFirst() {
        // fitted 0 is close to both storm and flood; fitted 1 is flood itself: flood goes to fitted 1
        Map<String, Double> weather = Map.of("cơn bão", 4.0, "lũ lụt", 4.0, "mưa lớn", 3.0, "sạt lở", 2.0);
        TopicLineage.Ids ids = TopicLineage.match(List.of(STORM, FLOOD), List.of(5, 6), 7, List.of(weather, FLOOD), 0.5);

        assertEquals(List.of(5, 6), ids.topicIds());
    }

    @Test
    void mismatchedIdsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TopicLineage.match(List.of(STORM), List.of(1, 2), 3, List.of(STORM), 0.5));
    }
}
