package newslens.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newslens.SparkTestSession;
import newslens.table.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
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
    private static final String HOSTILE_TITLE = "<script>alert(1)</script> Bão \"><img src=x onerror=alert(1)>";
    private static final String HOSTILE_NAME = "\"><img src=x onerror=alert(2)><script>alert(3)</script>";
    private static final String HOSTILE_LABEL = "<b>kinh tế</b></script>";

    @TempDir
    Path tmp;

    private SparkSession spark;
    private Path output;

    @BeforeEach
    void tables() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "headless Chromium is needed at " + CHROMIUM + " (apt-get install -y chromium); browser test skipped");
        spark = SparkTestSession.get();
        output = tmp.resolve("out");
        write(Tables.ARTICLES, Tables.ARTICLES_SCHEMA, List.of(
                article("d1", "Trump gặp Putin", "2024-10-07", null),
                article("d2", HOSTILE_TITLE, "2024-10-15", null),
                article("d3", "Việt Nam và Nga", "2024-10-22", null),
                article("d3-copy", "Việt Nam và Nga", "2024-10-22", "d3"),
                article("d4", "Không ngày", null, null)));
        write(Tables.MENTIONS, Tables.MENTIONS_SCHEMA, List.of(
                mention("d1", "per:donald_trump"), mention("d1", "loc:nga"),
                mention("d2", "org:hostile"), mention("d2", "loc:viet_nam"),
                mention("d3", "loc:viet_nam"), mention("d3", "loc:nga"),
                mention("d4", "org:hostile")));
        write(Tables.ENTITIES, Tables.ENTITIES_SCHEMA, List.of(
                entity("loc:viet_nam", "Việt Nam", "LOC", 2),
                entity("loc:nga", "Nga", "LOC", 2),
                entity("org:hostile", HOSTILE_NAME, "ORG", 2),
                entity("per:donald_trump", "Donald Trump", "PER", 1)));
        List<Row> frequency = new ArrayList<>();
        for (String[] row : new String[][] {
            {"loc:viet_nam", "2024-10-14"}, {"loc:viet_nam", "2024-10-21"}, {"loc:nga", "2024-10-07"},
            {"loc:nga", "2024-10-21"}, {"org:hostile", "2024-10-14"}, {"per:donald_trump", "2024-10-07"}}) {
            frequency.add(RowFactory.create("week", Date.valueOf(row[1]), row[0], 1L, 1L));
        }
        for (String id : List.of("loc:viet_nam", "loc:nga", "org:hostile", "per:donald_trump")) {
            frequency.add(RowFactory.create("all", null, id, 2L, 2L));
        }
        write(Tables.ENTITY_FREQUENCY, Tables.ENTITY_FREQUENCY_SCHEMA, frequency);
        write(Tables.COOCCURRENCE, Tables.COOCCURRENCE_SCHEMA, List.of(
                pair("document", "loc:nga", "loc:viet_nam", 0.5),
                pair("document", "loc:nga", "per:donald_trump", 0.8),
                pair("document", "loc:viet_nam", "org:hostile", 0.6),
                pair("document", "loc:nga", "org:hostile", -0.4),
                pair("sentence", "loc:nga", "per:donald_trump", 0.9)));
    }

    @Test
    void drawsEveryViewAndShowsHostileTextAsText() throws Exception {
        write(Tables.TOPICS, Tables.TOPICS_SCHEMA, List.of(
                RowFactory.create(0, HOSTILE_LABEL, List.of("kinh tế", "giá"), "m1"),
                RowFactory.create(1, "quốc tế", List.of("Nga", "Mỹ"), "m1")));
        write(Tables.DOC_TOPICS, Tables.DOC_TOPICS_SCHEMA, List.of(
                RowFactory.create("d1", 1, 0.9), RowFactory.create("d2", 0, 0.7), RowFactory.create("d3", 1, 0.6)));
        write(Tables.TOPIC_FREQUENCY, Tables.TOPIC_FREQUENCY_SCHEMA, List.of(
                RowFactory.create("all", null, 0, 1L, 0.7), RowFactory.create("all", null, 1, 2L, 1.5),
                RowFactory.create("week", Date.valueOf("2024-10-07"), 1, 1L, 0.9),
                RowFactory.create("week", Date.valueOf("2024-10-14"), 0, 1L, 0.7),
                RowFactory.create("week", Date.valueOf("2024-10-21"), 1, 1L, 0.6)));

        write(Tables.TRENDS, Tables.TRENDS_SCHEMA, List.of(
                trend("week", "2024-10-21", "entity", "org:hostile", 3.5, 1),
                trend("week", "2024-10-21", "entity", "loc:viet_nam", 1.5, 2),
                trend("week", "2024-10-21", "entity", "loc:nga", -0.5, 3), // below its baseline: not rising
                trend("week", "2024-10-14", "entity", "loc:nga", 4.0, 1), // not the latest week
                trend("week", "2024-10-21", "pair", "loc:nga|loc:viet_nam", 2.0, 1),
                trend("week", "2024-10-21", "topic", "1", 1.2, 1),
                trend("day", "2024-10-22", "entity", "loc:viet_nam", 2.0, 1)));
        write(Tables.BURSTS, Tables.BURSTS_SCHEMA, List.of(
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

    private void write(String table, StructType schema, List<Row> rows) {
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(output.resolve(table).toString());
    }

    private static Row article(String id, String title, String date, String duplicateOf) {
        return RowFactory.create(id, id + ".txt", "hash-" + id, title, title + ". Nội dung.", null, null, null,
                date == null ? null : Date.valueOf(date), date == null ? null : "header", date == null ? 0.0 : 0.95,
                duplicateOf, title.length() + 10, "t");
    }

    private static Row mention(String docId, String entityId) {
        return RowFactory.create(docId, 0, 0, 3, "abc", entityId, "LOC", "kb", 1.0, "abc");
    }

    private static Row entity(String id, String name, String type, long docs) {
        return RowFactory.create(id, name, type, List.of(name), docs, docs, null, null);
    }

    private static Row trend(String granularity, String period, String kind, String key, double score, int rank) {
        return RowFactory.create(granularity, Date.valueOf(period), kind, key, 2L, 0.5, 1.0, score, rank);
    }

    private static Row pair(String scope, String a, String b, double npmi) {
        return RowFactory.create("all", null, scope, a, b, 2L, 2L, npmi);
    }
}
