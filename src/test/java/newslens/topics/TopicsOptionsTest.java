package newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newslens.app.JobConfig;
import org.junit.jupiter.api.Test;

class TopicsOptionsTest {

    @Test
    void badValuesAreNamedInTheMessage() {
        assertNamed("{\"topics\": {\"k\": 1}}", "topics.k", "1");
        assertNamed("{\"topics\": {\"maxDocShare\": 1.5}}", "topics.maxDocShare", "1.5");
        assertNamed("{\"topics\": {\"optimizer\": \"gibbs\"}}", "topics.optimizer", "gibbs");
        assertNamed("{\"topics\": {\"docConcentration\": 0.5}}", "topics.docConcentration", "0.5");
        assertNamed("{\"topics\": {\"kk\": 3}}", "topics.kk", "unknown setting");
    }

    @Test
    void anAbsentOptimizerIsEm() {
        TopicsStage.Options options = JobConfig.withSettings("{\"topics\": {\"optimizer\": null}}").topics();
        assertEquals(TopicsStage.EM, options.optimizer());
        assertEquals(TopicsStage.EM, JobConfig.withSettings("{}").topics().optimizer());
    }

    @Test
    void theCommandLineLaysKAndRefitOverTheSection() {
        TopicsStage.Options options = JobConfig.withSettings("{}").topicsOptions(7, true);
        assertEquals(7, options.k());
        assertTrue(options.refit());
        assertEquals(JobConfig.withSettings("{}").topics().maxIterations(), options.maxIterations());
    }

    @Test
    void userTopicsAreNumberedFrom1000InTheirOrder() {
        TopicsStage.Options options = JobConfig.withSettings(
                "{\"topics\": {\"userTopics\": {\"Hạt nhân\": [\"hạt nhân\"], \"Bão\": [\"cơn bão\"]}}}").topics();
        assertEquals(List.of(1000, 1001), options.userTopicList().stream().map(UserTopic::topicId).toList());
        assertEquals("Bão", options.userTopicList().get(1).name());
    }

    private static void assertNamed(String settings, String setting, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JobConfig.withSettings(settings));
        assertTrue(e.getMessage().contains(setting) && e.getMessage().contains(value), e.getMessage());
    }
}
