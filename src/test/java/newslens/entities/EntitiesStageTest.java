package newslens.entities;

import newslens.StageRuns;
import newslens.entities.rules.EntityRecognizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import newslens.SparkTestSession;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntitiesStageTest {

    @TempDir
    Path tmp;

    @Test
    void oddCharactersRunThroughAndSpansPointIntoTheText() {
        String plain = "Tổng thống Nga Vladimir Putin tiếp Ngoại trưởng Mỹ tại Điện Kremlin. Ông Putin nói.";
        String chinese = "Chủ tịch Tập Cận Bình (习近平) thăm Hà Nội 😀🇻🇳 và gặp Thủ tướng Phạm Minh Chính.";
        String decomposed = Normalizer.normalize("Đoàn đại biểu tỉnh Quảng Nam thăm Đà Nẵng.", Normalizer.Form.NFD);
        String longLine = "Người dân Hà Nội đi bộ quanh hồ Hoàn Kiếm ".repeat(20_000) + "và ông Nguyễn Văn An phát biểu.";
        SparkSession spark = SparkTestSession.get();
        OutputLayout layout = new OutputLayout(tmp.toString(), "t", spark.sparkContext().hadoopConfiguration());
        List<Row> articles = List.of(
                titled("plain", "Ông Putin đón Ngoại trưởng Mỹ", plain, "2018-10-24", null),
                article("chinese", chinese, "2024-10-01", null),
                article("decomposed", decomposed, null, null),
                article("long", longLine, null, null),
                article("copy", plain, "2018-10-24", "plain"));
        spark.createDataFrame(articles, Tables.ARTICLES_SCHEMA).write().parquet(layout.table(Tables.ARTICLES));

        EntitiesStage.Result result = StageRuns.execute(
                new EntitiesStage(EntityRecognizer.standard(), RecognizerVersion.of(List.of(), List.of())), layout);
        assertEquals(5, result.articles());

        Map<String, Row> byId = articles.stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
        List<Row> mentions = spark.read().parquet(layout.table(Tables.MENTIONS)).collectAsList();
        for (Row m : mentions) {
            Row article = byId.get(m.<String>getAs("doc_id"));
            String field = article.getString(m.<String>getAs("field").equals("title") ? 3 : 4);
            assertEquals(field.substring(m.<Integer>getAs("start"), m.<Integer>getAs("end")), m.getAs("surface"),
                    "surface is the exact span of the stored title or text");
        }
        Map<String, List<String>> byDoc = mentions.stream().collect(Collectors.groupingBy(
                r -> r.<String>getAs("doc_id"), Collectors.mapping(r -> r.<String>getAs("entity_id"), Collectors.toList())));
        String putin = byDoc.get("plain").stream().filter(id -> id.contains("putin")).findFirst().orElseThrow();
        assertTrue(byDoc.get("plain").stream().filter(putin::equals).count() >= 2, "Putin, ông Putin, Tổng thống Nga");
        List<Row> titleMentions = mentions.stream().filter(m -> m.<String>getAs("field").equals("title")).toList();
        assertEquals(Set.of("plain"), titleMentions.stream().map(m -> m.<String>getAs("doc_id")).collect(Collectors.toSet()),
                "the one title that names someone is read: " + titleMentions);
        assertTrue(titleMentions.stream().anyMatch(m -> m.getAs("entity_id").equals(putin)),
                "the title's short name links to the text's full one");
        assertEquals(0, titleMentions.get(0).<Integer>getAs("sentence"), "the title is the article's first sentence");
        assertTrue(byDoc.get("chinese").contains("per:pham_minh_chinh"), byDoc.get("chinese").toString());
        assertTrue(byDoc.get("long").size() > 1000, "every mention of a 1 MB line is found");
        assertTrue(byDoc.containsKey("copy"), "duplicates get their mentions too");

        Row putinRow = spark.read().parquet(layout.table(Tables.ENTITIES)).filter("entity_id = '" + putin + "'").first();
        assertEquals(1L, putinRow.<Long>getAs("n_docs"), "the duplicate counts once");
        assertEquals(Date.valueOf("2018-10-24"), putinRow.getAs("first_date"));
    }

    @Test
    void aSecondRunRecognisesOnlyNewOrChangedArticlesAndMatchesAFullRun() {
        SparkSession spark = SparkTestSession.get();
        EntityRecognizer recognizer = EntityRecognizer.standard();
        EntitiesStage incremental = new EntitiesStage(recognizer, "v1");
        OutputLayout daily = new OutputLayout(tmp.resolve("daily").toString(), "t",
                spark.sparkContext().hadoopConfiguration());
        Row putin = article("a", "Tổng thống Nga Vladimir Putin tiếp Ngoại trưởng Mỹ tại Điện Kremlin.", "2024-01-02", null);
        Row hanoi = article("b", "Người dân Hà Nội đi bộ quanh hồ Hoàn Kiếm.", "2024-01-03", null);
        Row trump = article("c", "Ông Donald Trump phát biểu tại Nhà Trắng.", "2024-01-03", null);
        writeArticles(spark, daily, List.of(putin, hanoi, trump));
        assertEquals(3, StageRuns.<EntitiesStage.Result>execute(incremental, daily).recognised());

        Row hanoiEdited = RowFactory.create("b", "b.txt", "h-b-edited", "title", "Đoàn đại biểu tỉnh Quảng Nam thăm Đà Nẵng.",
                null, null, null, null, Date.valueOf("2024-01-03"), "header", 0.95, null, null, null, 40, "r");
        Row copy = article("d", "Tổng thống Nga Vladimir Putin tiếp Ngoại trưởng Mỹ tại Điện Kremlin.", "2024-01-02", "a");
        List<Row> secondBatch = List.of(putin, hanoiEdited, copy);
        writeArticles(spark, daily, secondBatch);
        EntitiesStage.Result second = StageRuns.<EntitiesStage.Result>execute(incremental, daily);
        assertEquals(2, second.recognised(), "the edited and the new article; c is gone, a is kept");

        OutputLayout once = new OutputLayout(tmp.resolve("once").toString(), "t",
                spark.sparkContext().hadoopConfiguration());
        writeArticles(spark, once, secondBatch);
        StageRuns.execute(new EntitiesStage(recognizer, "v1"), once, true);
        for (String table : List.of(Tables.MENTIONS, Tables.ENTITIES, Tables.RECOGNISED)) {
            assertEquals(sortedRows(spark, once, table), sortedRows(spark, daily, table), table);
        }
        assertTrue(sortedRows(spark, daily, Tables.MENTIONS).stream().noneMatch(r -> r.startsWith("[c,")),
                "the mentions of a removed article are dropped");

        assertEquals(0, StageRuns.<EntitiesStage.Result>execute(incremental, daily).recognised(), "rerun");
        assertEquals(sortedRows(spark, once, Tables.MENTIONS), sortedRows(spark, daily, Tables.MENTIONS));
        assertEquals(3, StageRuns.<EntitiesStage.Result>execute(new EntitiesStage(recognizer, "v2"), daily)
                .recognised(), "another recogniser version recognises everything again");
    }

    private static void writeArticles(SparkSession spark, OutputLayout layout, List<Row> articles) {
        spark.createDataFrame(articles, Tables.ARTICLES_SCHEMA).write().mode("overwrite")
                .parquet(layout.table(Tables.ARTICLES));
    }

    private static List<String> sortedRows(SparkSession spark, OutputLayout layout, String table) {
        return spark.read().parquet(layout.table(table)).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static Row article(String id, String text, String date, String duplicateOf) {
        return titled(id, "title", text, date, duplicateOf);
    }

    private static Row titled(String id, String title, String text, String date, String duplicateOf) {
        return RowFactory.create(id, id + ".txt", "h-" + id, title, text, null, null, null, null,
                date == null ? null : Date.valueOf(date), date == null ? null : "header", date == null ? 0.0 : 0.95,
                duplicateOf, duplicateOf == null ? null : "exact", duplicateOf == null ? null : 1.0, text.length(),
                "r");
    }
}
