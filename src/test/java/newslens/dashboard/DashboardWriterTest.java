package newslens.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newslens.SparkTestSession;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the dashboard over small tables (no browser) and reads back the data the page embeds: the
 * listed articles carry their duplicate group's counts when the output has {@code duplicate_groups}.
 */
class DashboardWriterTest {
    @TempDir
    Path tmp;

    private SparkSession spark;
    private DashboardFixture fixture;

    @BeforeEach
    void tables() {
        spark = SparkTestSession.get();
        fixture = new DashboardFixture(spark, tmp.resolve("out")).required().topics();
    }

    @Test
    void aTopicCarriesItsWordsOfItsLatestMonths() throws Exception {
        JsonNode data = pageData(fixture);
        for (JsonNode topic : data.at("/topics/topics")) {
            if (topic.get("id").asInt() == 1) {
                assertEquals("2024-10", topic.at("/months/0/month").asText());
                assertEquals("lệnh ngừng bắn", topic.at("/months/0/terms/0").asText());
                assertEquals("<i>đàm phán</i>", topic.at("/months/0/terms/1").asText());
                assertEquals("2024-09", topic.at("/months/1/month").asText());
            } else {
                assertEquals(0, topic.get("months").size(), "topic 0 has no topic_terms rows");
            }
        }
    }

    @Test
    void aListedArticleThatHeadsAGroupCarriesItsCounts() throws Exception {
        JsonNode data = pageData(fixture.duplicateGroups());

        JsonNode d3 = article(data.at("/entities"), "loc:nga", "recentArticles", "d3");
        assertEquals(2, d3.at("/copies/articles").asLong(), "d3 and its copy");
        assertEquals(2, d3.at("/copies/outlets").asLong(), "vnexpress and baomoi");
        JsonNode typical = article(data.at("/topics/topics"), "1", "typicalArticles", "d3");
        assertEquals(d3.get("copies"), typical.get("copies"), "the same counts where a topic lists it");
        assertFalse(article(data.at("/entities"), "loc:nga", "recentArticles", "d1").has("copies"),
                "an article heading no group has no copies (not even null)");
        assertFalse(article(data.at("/topics/topics"), "1", "typicalArticles", "d1").has("copies"));
        assertEquals(List.of("d3"), docIdsWithCopies(data), "only the head, and the copy is never listed");
        assertFalse(data.toString().contains("\"d3-copy\""), "a copy is never listed");
        assertEquals(1, data.at("/overview/duplicateGroups").asLong());
        assertEquals(1, data.at("/overview/duplicates").asLong());
    }

    @Test
    void withoutTheDuplicateGroupsTableNoArticleHasCounts() throws Exception {
        JsonNode data = pageData(fixture);

        assertEquals(List.of(), docIdsWithCopies(data));
        assertTrue(article(data.at("/entities"), "loc:nga", "recentArticles", "d3").isObject(),
                "d3 is still listed");
        assertTrue(data.at("/overview/duplicateGroups").isNull(), "an older output: the group count is unknown");
        assertEquals(1, data.at("/overview/duplicates").asLong(), "articles.duplicate_of still counts the copies");
    }

    private JsonNode pageData(DashboardFixture tables) throws Exception {
        org.apache.hadoop.fs.Path page = DashboardWriter.write(spark, tables.output.toString());
        String html = Files.readString(Path.of(page.toUri()));
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"newslens-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(data.find(), "the data element is in the page");
        return new ObjectMapper().readTree(data.group(1));
    }

    /** The listed article {@code docId} of the entity or topic {@code id}. */
    private static JsonNode article(JsonNode owners, String id, String list, String docId) {
        for (JsonNode owner : owners) {
            if (owner.get("id").asText().equals(id)) {
                for (JsonNode article : owner.get(list)) {
                    if (article.get("docId").asText().equals(docId)) {
                        return article;
                    }
                }
            }
        }
        throw new AssertionError(docId + " is not among the " + list + " of " + id);
    }

    /** Every listed article with copies, by doc id, distinct and sorted. */
    private static List<String> docIdsWithCopies(JsonNode data) {
        List<JsonNode> listed = new ArrayList<>();
        data.at("/entities").forEach(e -> e.get("recentArticles").forEach(listed::add));
        data.at("/topics/topics").forEach(t -> t.get("typicalArticles").forEach(listed::add));
        return listed.stream().filter(a -> a.has("copies")).map(a -> a.get("docId").asText()).distinct().sorted()
                .toList();
    }
}
