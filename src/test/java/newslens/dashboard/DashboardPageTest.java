package newslens.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newslens.dashboard.DashboardData.ArticleRef;
import newslens.dashboard.DashboardData.Copies;
import newslens.dashboard.DashboardData.EntityInfo;
import newslens.dashboard.DashboardData.BurstSpan;
import newslens.dashboard.DashboardData.Overview;
import newslens.dashboard.DashboardData.RisingItem;
import newslens.dashboard.DashboardData.RisingPeriod;
import org.junit.jupiter.api.Test;

class DashboardPageTest {
    private static final String HOSTILE = "</script><script>alert(1)</script>\"><img src=x onerror=alert(1)>"
            + " & \u2028\u2029 Đà Nẵng";

    private static DashboardData dataNaming(String text) {
        EntityInfo entity = new EntityInfo("per:x", text, "PER", 3, 4,
                List.of(new ArticleRef("d1", text, "2024-10-07", new Copies(3, 2)),
                        new ArticleRef("d2", text, null)));
        return new DashboardData("2024-10-08T00:00:00Z", new Overview(3, 2, 1, "2024-10-07", "2024-10-07", 0, 1, 1L),
                List.of(entity), List.of("per:x"), List.of(), List.of(), null,
                List.of(new RisingPeriod("week", "2024-10-07", List.of("2024-09-30", "2024-10-07"), List.of(
                        new RisingItem("entity", "per:x", List.of("per:x"), List.of(text), 2.5, 3, 1, List.of(0L, 3L),
                                new BurstSpan("2024-10-07", "2024-10-07", 1, true))))));
    }

    @Test
    void theDataCannotCloseItsScriptElementAndReadsBackUnchanged() throws Exception {
        String page = new DashboardPage().render(dataNaming(HOSTILE));
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"newslens-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertTrue(data.find(), "the data element is in the page");
        String json = data.group(1);
        for (String raw : List.of("<", ">", "&", "\u2028", "\u2029")) {
            assertFalse(json.contains(raw), "raw " + raw + " in the embedded JSON");
        }
        JsonNode read = new ObjectMapper().readTree(json);
        assertEquals(HOSTILE, read.at("/entities/0/name").asText());
        assertEquals(HOSTILE, read.at("/entities/0/recentArticles/0/title").asText());
        assertEquals(3, read.at("/entities/0/nDocs").asInt(), "record components keep their names in JSON");
        assertTrue(read.get("topics").isNull());
        assertEquals(HOSTILE, read.at("/rising/0/items/0/names/0").asText());
        assertEquals(3, read.at("/rising/0/items/0/recent/1").asInt());
        assertTrue(read.at("/rising/0/items/0/burst/open").asBoolean());
    }

    @Test
    void anArticleHeadingAGroupCarriesItsCountsAndAnyOtherNone() throws Exception {
        JsonNode read = new ObjectMapper().readTree(new DashboardPage().scriptSafeJson(dataNaming("x")));
        JsonNode grouped = read.at("/entities/0/recentArticles/0");
        assertEquals(3, grouped.at("/copies/articles").asInt());
        assertEquals(2, grouped.at("/copies/outlets").asInt());
        JsonNode alone = read.at("/entities/0/recentArticles/1");
        assertEquals("d2", alone.get("docId").asText());
        assertFalse(alone.has("copies"), "no copies key at all, so the page stays small");
        assertTrue(alone.has("date") && alone.get("date").isNull(), "other null fields are still written");
        assertEquals(1, read.at("/overview/duplicateGroups").asInt());
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyThePagesOwnScriptAndStyle() {
        String page = new DashboardPage().render(dataNaming("x"));
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page);
        assertTrue(script.find() && style.find());
        assertTrue(page.contains("script-src '" + DashboardPage.sha256(script.group(1)) + "'"));
        assertTrue(page.contains("style-src '" + DashboardPage.sha256(style.group(1)) + "'"));
        assertFalse(page.contains("{{"), "every placeholder is filled");
        assertFalse(page.contains("<link") || page.contains(" src=") || page.contains("url("),
                "the page loads nothing: no link, src or url()");
    }

    @Test
    void placeholdersInsideTheDataStayText() {
        String page = new DashboardPage().render(dataNaming("{{script}} {{data}}"));
        assertTrue(page.contains("\"name\":\"{{script}} {{data}}\""));
    }

    @Test
    void longTitlesAreCutWithoutSplittingACharacter() {
        String title = "a".repeat(ArticleRef.MAX_TITLE_CHARS - 2) + "😀" + "tail";
        String cut = new ArticleRef("d", title, null).title();
        assertEquals(ArticleRef.MAX_TITLE_CHARS - 1, cut.length());
        assertTrue(cut.endsWith("a…"));
        assertEquals("short", new ArticleRef("d", "short", null).title());
    }
}
