package newslens.ingest;

import newslens.StageRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import newslens.SparkTestSession;
import newslens.TestData;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest over the real articles in ../shared/data (skipped where that folder is absent). */
@Tag("slow")
class SharedDataIngestTest {

    @TempDir
    Path tmp;

    private IngestStage.Result ingest(Path input, String name) {
        SparkSession spark = SparkTestSession.get();
        OutputLayout layout = new OutputLayout(tmp.resolve(name).toString(), "t",
                spark.sparkContext().hadoopConfiguration());
        long t0 = System.nanoTime();
        IngestStage.Result result = StageRuns.execute(new IngestStage(new IngestStage.Options(input.toString(), Set.of("txt", "json", "jsonl"), 10 << 20, 32 << 20, 64, null, newslens.app.JobConfig.load(null).dedup())), layout, false);
        System.out.printf("ingest %s: %d files, %d articles, %d rejects %s in %.1f s%n", input.getFileName(),
                result.filesListed(), result.articles(), result.rejects(), result.rejectsByReason(),
                (System.nanoTime() - t0) / 1e9);
        return result;
    }

    @Test
    void seedsLandInTheirColumns() {
        IngestStage.Result result = ingest(TestData.shared("seeds"), "seeds");
        assertEquals(3, result.articles());
        Map<String, Row> byId = SparkTestSession.get().read().parquet(tmp.resolve("seeds/articles").toString())
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("doc_id"), r -> r));
        Row seed002 = byId.get("002_45c8daa2d5411f95");
        assertEquals("Ông Putin và Tổng thống Mỹ có thể hội ngộ tại Pháp vào tháng 11", seed002.getAs("title"));
        assertEquals("09:11 | 24/10/2018", seed002.getAs("published_at"));
        assertEquals("https://thoidai.com.vn/ong-putin-va-tong-thong-my-co-the-hoi-ngo-tai-phap-vao-thang-11-46558.html",
                seed002.getAs("url"));
        assertEquals("dangcongsan.vn", byId.get("003_fdf03e1f7771f983").getAs("source"));
        for (Row article : byId.values()) {
            String text = article.getAs("text");
            assertFalse(text.contains("In bài viết"), text);
            assertFalse(text.contains("Ảnh: Reuters") || text.contains("(Ảnh: TASS)"), text);
            assertFalse(text.contains("ong putin va tong thong my"), text);
            assertFalse(text.contains("Đường dẫn bài viết") || text.contains("Nguồn:"), text);
            assertFalse(text.startsWith(article.<String>getAs("title")), "the title is not repeated in text");
            assertNull(article.getAs("duplicate_of"));
        }
    }

    @Test
    void everyNewsDevFileAndLineIsAccountedFor() {
        IngestStage.Result files = ingest(TestData.shared("news-dev", "articles"), "news-dev-files");
        assertEquals(693, files.filesListed());
        assertTrue(files.reconciled());
        assertEquals(files.filesListed(), files.articles() + files.rejects());

        IngestStage.Result lines = ingest(TestData.shared("news-dev", "articles.jsonl"), "news-dev-jsonl");
        assertTrue(lines.reconciled());
        assertEquals(693, lines.articles() + lines.rejects(), "one row per JSON line");
        assertTrue(lines.duplicates() > 0, "news-dev holds exact syndicated copies");
    }
}
