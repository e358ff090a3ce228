package newslens.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import newslens.SparkTestSession;
import newslens.TestData;
import newslens.app.MainRunner;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline over the three seed articles (../shared/data/seeds; skipped where absent). */
class SeedsPipelineTest {

    @TempDir
    Path tmp;

    @Test
    void putinTrumpAndLavrovAcrossTheSeeds() throws IOException {
        Path seeds = TestData.shared("seeds");
        Path config = tmp.resolve("config.json");
        // Three articles: keep pairs seen once, which the default minimum support would drop.
        Files.writeString(config, "{\"cooccurrence\": {\"minPairDocs\": 1}}");
        Path out = tmp.resolve("out");
        assertEquals(0, MainRunner.run("run", "--input", seeds.toString(), "--output", out.toString(),
                "--config", config.toString()));

        SparkSession spark = SparkTestSession.get();
        Map<String, String> ids = spark.read().parquet(out.resolve("entities").toString())
                .filter("name IN ('Vladimir Putin', 'Donald Trump', 'Sergei Lavrov')").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("name"), r -> r.<String>getAs("entity_id")));
        assertEquals(3, ids.size(), ids.toString());
        String putin = ids.get("Vladimir Putin");
        String trump = ids.get("Donald Trump");
        String lavrov = ids.get("Sergei Lavrov");

        for (String name : List.of("Putin", "Trump", "Lavrov")) {
            assertEquals(1, spark.read().parquet(out.resolve("mentions").toString())
                    .filter("surface LIKE '%" + name + "%' AND method <> 'kb_role'").select("entity_id").distinct()
                    .count(), "every form of " + name + " is one entity");
        }
        // 002's title: "Ông Putin và Tổng thống Mỹ ...", published 2018-10-24, when Trump held the office.
        List<String> titleIds = spark.read().parquet(out.resolve("mentions").toString())
                .filter("field = 'title' AND doc_id = '002_45c8daa2d5411f95'").select("entity_id")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(true, titleIds.containsAll(List.of(putin, trump)), "the title's mentions: " + titleIds);

        assertEquals(List.of("all:3"), periods(spark, out, putin, trump, "all"));
        assertEquals(List.of("all:1"), periods(spark, out, lavrov, trump, "all"));
        // 002 is dated 2018-10-24, 003 2017-05-10; 000 has no year and counts only under "all".
        assertEquals(List.of("2017-05-01:1", "2018-10-01:1"), periods(spark, out, putin, trump, "month"));
        assertEquals(List.of("2017-05-01:1"), periods(spark, out, lavrov, trump, "month"));
    }

    private static List<String> periods(SparkSession spark, Path out, String x, String y, String granularity) {
        String a = x.compareTo(y) < 0 ? x : y;
        String b = x.compareTo(y) < 0 ? y : x;
        return spark.read().parquet(out.resolve("cooccurrence").toString())
                .filter("scope = 'document' AND granularity = '" + granularity + "' AND entity_a = '" + a
                        + "' AND entity_b = '" + b + "'")
                .orderBy("period_start").collectAsList().stream()
                .map(r -> (r.isNullAt(r.fieldIndex("period_start")) ? "all" : r.getAs("period_start").toString())
                        + ":" + r.<Long>getAs("n_docs"))
                .toList();
    }
}
