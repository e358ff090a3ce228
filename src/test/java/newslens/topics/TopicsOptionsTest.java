package newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsOptionsTest {

    @Test
    void badValuesAreNamedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopicsStage.Options(1,
                "em", 50, 0, 0, 0.5, 10, 42, 3, 5, 0.5, 5, 0.25, 1000, true, 0.2, false, Map.of(), 2, 10_000));
        assertTrue(e.getMessage().contains("topics.k") && e.getMessage().contains("1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TopicsStage.Options(10, "em", 50,
                0, 0, 0.5, 10, 42, 3, 5, 0.5, 5, 1.5, 1000, true, 0.2, false, Map.of(), 2, 10_000));
        assertTrue(e.getMessage().contains("topics.maxDocShare"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TopicsStage.Options(10, "gibbs", 50,
                0, 0, 0.5, 10, 42, 3, 5, 0.5, 5, 0.25, 1000, true, 0.2, false, Map.of(), 2, 10_000));
        assertTrue(e.getMessage().contains("topics.optimizer") && e.getMessage().contains("gibbs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TopicsStage.Options(10, "em", 50,
                0.5, 0, 0.5, 10, 42, 3, 5, 0.5, 5, 0.25, 1000, true, 0.2, false, Map.of(), 2, 10_000));
        assertTrue(e.getMessage().contains("topics.docConcentration"), e.getMessage());
    }

    @Test
    void anAbsentOptimizerIsEm() {
        TopicsStage.Options options = new TopicsStage.Options(10, null, 50, 0, 0, 0.5, 10, 42, 3, 5, 0.5, 5, 0.25,
                1000, true, 0.2, false, Map.of(), 2, 10_000);
        assertEquals(TopicsStage.EM, options.optimizer());
        assertEquals(TopicsStage.EM, TopicsStage.Options.defaults().optimizer());
    }

    @Test
    void userTopicsAreNumberedFrom1000InTheirOrder() {
        Map<String, List<String>> defined = new LinkedHashMap<>();
        defined.put("Hạt nhân", List.of("hạt nhân"));
        defined.put("Bão", List.of("cơn bão"));
        TopicsStage.Options options = new TopicsStage.Options(10, "em", 50, 0, 0, 0.5, 10, 42, 3, 5, 0.5, 5, 0.25, 1000,
                true, 0.2, false, defined, 2, 10_000);
        assertEquals(List.of(1000, 1001), options.userTopicList().stream().map(UserTopic::topicId).toList());
        assertEquals("Bão", options.userTopicList().get(1).name());
    }
}
