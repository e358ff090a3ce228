package newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicLabelsTest {

    @Test
    void labelIsTheFirstThreeWordsWithoutEntityIds() {
        assertEquals("bóng đá, cầu thủ, trận đấu",
                TopicLabels.label(List.of("bóng đá", "per:nguyen_van_an", "cầu thủ", "trận đấu", "ghi bàn")));
        assertEquals("bão", TopicLabels.label(List.of("bão")));
    }

    /** Terms: 0 "người" (everywhere), 1 "cầu thủ" (sport only), 2 "bàn thắng" (sport, rarer), 3 "bệnh viện". */
    private static final double[][] WEIGHTS = {
            {150, 600},
            {120, 0},
            {40, 1},
            {0, 150},
    };

    @Test
    void aWordEveryTopicUsesGivesWayToTheTopicsOwnWords() {
        // By probability alone the sport topic is "người" first (150 of its 310 tokens).
        assertEquals(List.of(0, 1, 2), TopicLabels.byRelevance(WEIGHTS, 1.0, 3).get(0));
        // With its lift weighed in, the topic's own word "cầu thủ" comes first.
        assertEquals(List.of(1, 0, 2), TopicLabels.byRelevance(WEIGHTS, TopicLabels.RELEVANCE_LAMBDA, 3).get(0));
    }

    @Test
    void aWordNeverSeenInTheTopicIsNotAmongItsTerms() {
        assertEquals(List.of(0, 3, 2), TopicLabels.byRelevance(WEIGHTS, TopicLabels.RELEVANCE_LAMBDA, 5).get(1));
    }

    @Test
    void classIdfRanksAWordOfOneTopicAboveAWordEveryTopicUses() {
        // term 0 in both topics, term 1 only in topic 0; topics weigh 10 each, so A = 10
        double[][] weights = {{5, 5}, {5, 0}, {0, 5}, {0, 0}};
        double[] idf = TopicLabels.classIdf(weights);
        assertEquals(Math.log(1 + 10.0 / 10), idf[0], 1e-12);
        assertEquals(Math.log(1 + 10.0 / 5), idf[1], 1e-12);
        assertEquals(idf[1], idf[2], 1e-12);
        assertEquals(0.0, idf[3], 1e-12);
    }
}
