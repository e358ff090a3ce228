package newslens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import newslens.SparkTestSession;
import newslens.TestData;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo: {@code run} over the sample corpus, as the README tells a new user to do. */
class RunCommandTest {

    @TempDir
    Path tmp;

    @Test
    void runOnTheSampleCorpusWritesReconciledTablesAndAManifest() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Path out = tmp.resolve("newslens-out");
        int status = Main.run(CommandLine.parse(new String[] {
            "run", "--input", TestData.sampleCorpus().toString(), "--output", out.toString()}));
        assertEquals(0, status);

        Dataset<Row> articles = spark.read().parquet(out.resolve("articles").toString());
        Dataset<Row> rejects = spark.read().parquet(out.resolve("rejects").toString());
        assertTrue(articles.count() >= 40, "the sample corpus has at least 40 articles");
        assertEquals(List.of("exact", "near"), articles.filter("duplicate_of IS NOT NULL").select("duplicate_kind")
                .orderBy("duplicate_kind").as(org.apache.spark.sql.Encoders.STRING()).collectAsList(),
                "one exact syndicated copy (the Rutte story) and one edited copy (the Kazan talks)");
        assertEquals(List.of("binary", "empty"), rejects.select("reason").orderBy("reason").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertTrue(articles.select("source").distinct().count() >= 3);
        assertEquals(0, articles.filter("text LIKE '%In bài viết%' OR text LIKE '%Ảnh: %'").count(),
                "no print residue or caption left in text");

        JsonNode manifest;
        try (Stream<Path> runs = Files.list(out.resolve("_runs"))) {
            Path file = runs.filter(p -> p.getFileName().toString().matches("[^.].*\\.json")).findFirst().orElseThrow();
            manifest = new ObjectMapper().readTree(file.toFile());
        }
        JsonNode ingest = manifest.at("/stages/ingest/result");
        assertEquals("succeeded", manifest.get("status").asText());
        assertEquals(0, ingest.get("filesUnaccounted").asLong());
        assertEquals(articles.count(), ingest.get("articles").asLong());
        assertEquals(rejects.count(), ingest.get("rejects").asLong());
    }

    @Test
    void trainNerNamesTheGoldItNeeds() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Main.run(CommandLine.parse(new String[] {"train-ner", "--model-out", tmp.toString()})));
        assertTrue(missing.getMessage().contains("--docs"), missing.getMessage());
    }
}
