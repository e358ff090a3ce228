package newslens.dashboard;

import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import newslens.table.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A small output for the dashboard tests: five articles (d3-copy an exact copy of d3, from another outlet),
 * four entities with their mentions, weekly counts and pairs. Tests add the optional tables they need.
 */
final class DashboardFixture {
    static final String HOSTILE_TITLE = "<script>alert(1)</script> Bão \"><img src=x onerror=alert(1)>";
    static final String HOSTILE_NAME = "\"><img src=x onerror=alert(2)><script>alert(3)</script>";
    static final String HOSTILE_LABEL = "<b>kinh tế</b></script>";

    private final SparkSession spark;
    final Path output;

    DashboardFixture(SparkSession spark, Path output) {
        this.spark = spark;
        this.output = output;
    }

    /** The tables the dashboard requires. */
    DashboardFixture required() {
        write(Tables.ARTICLES, Tables.ARTICLES_SCHEMA, List.of(
                article("d1", "Trump gặp Putin", "2024-10-07", "vnexpress", null),
                article("d2", HOSTILE_TITLE, "2024-10-15", "tuoitre", null),
                article("d3", "Việt Nam và Nga", "2024-10-22", "vnexpress", null),
                article("d3-copy", "Việt Nam và Nga", "2024-10-22", "baomoi", "d3"),
                article("d4", "Không ngày", null, null, null)));
        write(Tables.MENTIONS, Tables.MENTIONS_SCHEMA, List.of(
                mention("d1", "per:donald_trump"), mention("d1", "loc:nga"),
                mention("d2", "org:hostile"), mention("d2", "loc:viet_nam"),
                mention("d3", "loc:viet_nam"), mention("d3", "loc:nga"),
                mention("d3-copy", "loc:viet_nam"), mention("d3-copy", "loc:nga"),
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
        return this;
    }

    /** Two topics: 1 (d1, d3) and 0 (d2, with the hostile label). */
    DashboardFixture topics() {
        write(Tables.TOPICS, Tables.TOPICS_SCHEMA, List.of(
                RowFactory.create(0, HOSTILE_LABEL, List.of("kinh tế", "giá"), "m1"),
                RowFactory.create(1, "quốc tế", List.of("Nga", "Mỹ"), "m1")));
        write(Tables.DOC_TOPICS, Tables.DOC_TOPICS_SCHEMA, List.of(
                RowFactory.create("d1", 1, 0.9), RowFactory.create("d2", 0, 0.7), RowFactory.create("d3", 1, 0.6),
                RowFactory.create("d3-copy", 1, 0.6)));
        write(Tables.TOPIC_FREQUENCY, Tables.TOPIC_FREQUENCY_SCHEMA, List.of(
                RowFactory.create("all", null, 0, 1L, 0.7), RowFactory.create("all", null, 1, 2L, 1.5),
                RowFactory.create("week", Date.valueOf("2024-10-07"), 1, 1L, 0.9),
                RowFactory.create("week", Date.valueOf("2024-10-14"), 0, 1L, 0.7),
                RowFactory.create("week", Date.valueOf("2024-10-21"), 1, 1L, 0.6)));
        write(Tables.TOPIC_TERMS, Tables.TOPIC_TERMS_SCHEMA, List.of(
                RowFactory.create("month", Date.valueOf("2024-09-01"), 1, 1, "hội nghị", 0.4),
                RowFactory.create("month", Date.valueOf("2024-10-01"), 1, 1, "lệnh ngừng bắn", 0.5),
                RowFactory.create("month", Date.valueOf("2024-10-01"), 1, 2, "<i>đàm phán</i>", 0.3)));
        return this;
    }

    /** d3 and its copy as one group (two articles, two outlets); d1, d2 and d4 head none. */
    DashboardFixture duplicateGroups() {
        write(Tables.DUPLICATE_GROUPS, Tables.DUPLICATE_GROUPS_SCHEMA, List.of(
                RowFactory.create("d3", "Việt Nam và Nga", 2L, 0L, 2L, List.of("d3", "d3-copy"),
                        List.of("baomoi", "vnexpress"), List.of(), Date.valueOf("2024-10-22"),
                        Date.valueOf("2024-10-22"))));
        return this;
    }

    void write(String table, StructType schema, List<Row> rows) {
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(output.resolve(table).toString());
    }

    static Row article(String id, String title, String date, String source, String duplicateOf) {
        return RowFactory.create(id, id + ".txt", "hash-" + id, title, title + ". Nội dung.", null, source, null, null,
                date == null ? null : Date.valueOf(date), date == null ? null : "header", date == null ? 0.0 : 0.95,
                duplicateOf, duplicateOf == null ? null : "exact", duplicateOf == null ? null : 1.0,
                title.length() + 10, "t");
    }

    static Row mention(String docId, String entityId) {
        return RowFactory.create(docId, "text", 0, 0, 3, "abc", entityId, "LOC", "kb", 1.0, "abc");
    }

    static Row entity(String id, String name, String type, long docs) {
        return RowFactory.create(id, name, type, List.of(name), docs, docs, null, null);
    }

    static Row trend(String granularity, String period, String kind, String key, double score, int rank) {
        return RowFactory.create(granularity, Date.valueOf(period), kind, key, 2L, 0.5, 1.0, score, rank);
    }

    static Row pair(String scope, String a, String b, double npmi) {
        return RowFactory.create("all", null, scope, a, b, 2L, 2L, npmi);
    }
}
