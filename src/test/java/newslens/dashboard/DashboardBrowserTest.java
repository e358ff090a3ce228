package newslens.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static newslens.dashboard.DashboardFixture.trend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newslens.SparkTestSession;
import newslens.table.Tables;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the dashboard over small tables holding hostile text, renders it in headless Chromium
 * and reads the DOM the page's script built: the charts drew the data, and the hostile text is
 * text, not markup. Skipped where Chromium is not installed (CI: {@code apt-get install -y chromium}).
 */
@Tag("slow")
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    private SparkSession spark;
    private Path output;
    private DashboardFixture fixture;

    @BeforeEach
    void tables() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "headless Chromium is needed at " + CHROMIUM + " (apt-get install -y chromium); browser test skipped");
        spark = SparkTestSession.get();
        output = tmp.resolve("out");
        fixture = new DashboardFixture(spark, output).required();
    }

    @Test
    void drawsEveryViewAndShowsHostileTextAsText() throws Exception {
        fixture.topics().duplicateGroups();
        fixture.write(Tables.TRENDS, Tables.TRENDS_SCHEMA, List.of(
                trend("week", "2024-10-21", "entity", "org:hostile", 3.5, 1),
                trend("week", "2024-10-21", "entity", "loc:viet_nam", 1.5, 2),
                trend("week", "2024-10-21", "entity", "loc:nga", -0.5, 3), // below its baseline: not rising
                trend("week", "2024-10-14", "entity", "loc:nga", 4.0, 1), // not the latest week
                trend("week", "2024-10-21", "pair", "loc:nga|loc:viet_nam", 2.0, 1),
                trend("week", "2024-10-21", "topic", "1", 1.2, 1),
                trend("day", "2024-10-22", "entity", "loc:viet_nam", 2.0, 1)));
        fixture.write(Tables.BURSTS, Tables.BURSTS_SCHEMA, List.of(
                RowFactory.create("entity", "org:hostile", "week", Date.valueOf("2024-10-14"),
                        Date.valueOf("2024-10-21"), 1, Date.valueOf("2024-10-21"), 2L)));

        String dom = render(DashboardWriter.write(spark, output.toString()));

        assertTrue(dom.contains("data-rendered=\"ok\""), "the page's script finished drawing");
        String rising = section(dom, "rising");
        assertEquals(2, count(rising, "class=\"rising-period\""), "the latest day and the latest week");
        assertEquals(5, count(rising, "<li class=\"rising-item\""), "the rising rows of the latest periods");
        assertEquals(5, count(rising, "<svg[^>]*class=\"spark\""), "a sparkline per row");
        assertTrue(rising.contains("data-key=\"loc:nga|loc:viet_nam\""));
        assertFalse(rising.contains("data-key=\"loc:nga\""), "a key below its baseline or of an earlier week is left out");
        assertTrue(rising.contains(">Nga + Việt Nam</button>"), "a pair shows both names");
        assertTrue(rising.contains(">quốc tế</button>"), "a topic shows its label");
        assertTrue(rising.contains("burst since 2024-10-14"), "the open burst");
        assertTrue(rising.contains("\"&gt;&lt;img src=x onerror=alert(2)&gt;&lt;script&gt;alert(3)&lt;/script&gt;</button>"),
                "the hostile entity name is text in the rising panel");
        assertFalse(dom.contains("id=\"no-trends\""));
        assertEquals(4, count(dom, "<path[^>]*class=\"series\""), "one trend line per entity");
        assertEquals(4, count(dom, "<circle[^>]*data-node="), "one network node per entity");
        assertEquals(3, count(dom, "<line[^>]*data-edge="), "document pairs with npmi >= 0.1 (the default)");
        assertTrue(dom.contains("data-edge=\"loc:nga|per:donald_trump\""));
        assertEquals(2, count(dom, "<path[^>]*data-topic="), "one stacked area per topic");
        assertTrue(count(dom, "<circle[^>]*class=\"point\"") >= 6, "a point per non-zero week");

        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt; Bão \"&gt;&lt;img src=x onerror=alert(1)&gt;"),
                "the hostile title is shown as text");
        assertTrue(dom.contains("\"&gt;&lt;img src=x onerror=alert(2)&gt;&lt;script&gt;alert(3)&lt;/script&gt;"),
                "the hostile entity name is shown as text");
        assertTrue(dom.contains("&lt;b&gt;kinh tế&lt;/b&gt;&lt;/script&gt;"), "the hostile topic label is text");
        assertFalse(Pattern.compile("<img", Pattern.CASE_INSENSITIVE).matcher(dom).find(), "no injected img element");
        assertFalse(dom.contains("<b>"), "no injected markup");
        assertEquals(2, count(dom, "<script"), "only the page's own data and code elements");
        assertFalse(dom.contains("id=\"no-topics\""));
        assertTrue(section(dom, "topics").contains("<dl class=\"months\"><dt>2024-10</dt><dd>lệnh ngừng bắn, "
                + "&lt;i&gt;đàm phán&lt;/i&gt;</dd><dt>2024-09</dt><dd>hội nghị</dd></dl>"),
                "topic 1's words by month (topic_terms), latest first, as text");

        // d3 heads a group (with d3-copy, from another outlet): listed among the typical articles of topic 1
        // and the latest articles of Nga (the selected entity) with the group's counts; d1, which heads
        // none, shows none, and the copy itself is never listed.
        String copies = "<span class=\"copies\" title=\"this article and 1 copy of it (exact or near duplicates), "
                + "from 2 outlets in all\">carried by 2 articles in 2 outlets</span>";
        assertEquals(1, count(section(dom, "topics"), Pattern.quote(copies)), "topic 1's typical article d3");
        assertEquals(1, count(section(dom, "network"), Pattern.quote(copies)), "Nga's latest article d3");
        assertEquals(2, count(dom, "class=\"copies\""), "only the group's head shows copies");
        assertEquals(3, count(section(dom, "topics"), "<li title=\"d[0-9]\">"), "topic 1's d1 and d3, topic 0's d2");
        assertFalse(dom.contains("title=\"d3-copy\""), "a copy is never listed");
        assertTrue(dom.contains("<dt>duplicate groups</dt><dd>1</dd>"), "the overview counts the groups");
    }

    @Test
    void saysSoWhenThereAreNoTopicTablesYet() throws Exception {
        String dom = render(DashboardWriter.write(spark, output.toString()));

        assertTrue(dom.contains("data-rendered=\"ok\""), "the page's script finished drawing");
        assertTrue(dom.contains("id=\"no-topics\""));
        assertTrue(dom.contains("No topics table yet"));
        assertTrue(section(dom, "rising").contains("id=\"no-trends\""), "the rising panel says there are no trends");
        assertEquals(0, count(dom, "data-topic="));
        assertEquals(4, count(dom, "<path[^>]*class=\"series\""), "the entity views do not need topics");
        assertFalse(dom.contains("class=\"copies\""), "no duplicate_groups table: no copy counts");
        assertFalse(dom.contains("<dt>duplicate groups</dt>"), "no duplicate_groups table: no group count in the overview");
    }

    /** The DOM after the page's script ran, as headless Chromium serialises it. */
    private String render(org.apache.hadoop.fs.Path page) throws IOException, InterruptedException {
        String url = Path.of(page.toUri()).toUri().toString();
        Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
        Path log = tmp.resolve("chromium.log");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", url)
                .redirectError(log.toFile())
                .start();
        byte[] dom = chromium.getInputStream().readAllBytes();
        assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, chromium.exitValue(), () -> "chromium failed: " + readQuietly(log));
        return new String(dom, StandardCharsets.UTF_8);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The serialised section element with this id. */
    private static String section(String dom, String id) {
        int start = dom.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "section " + id + " is in the page");
        return dom.substring(start, dom.indexOf("</section>", start));
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
