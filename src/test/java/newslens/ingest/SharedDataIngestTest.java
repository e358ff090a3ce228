package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import newslens.SparkTestSession;
import newslens.StageRuns;
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

    /**
     * The measure of near-duplicate grouping, on what ingest writes: every pair of news-dev articles
     * whose word 5-shingle Jaccard is 0.8 or more shares a group, and no pair below 0.5 does. The similarity
     * is computed here from the input's text with a plain implementation of its own, not the pipeline's.
     */
    @Test
    void newsDevGroupsFollowTheTextsShingleSimilarity() throws IOException {
        Path jsonl = TestData.shared("news-dev", "articles.jsonl");
        ingest(jsonl, "news-dev-groups");
        Map<String, String> groupOf = SparkTestSession.get().read()
                .parquet(tmp.resolve("news-dev-groups/articles").toString()).select("doc_id", "duplicate_of")
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0),
                        r -> r.isNullAt(1) ? r.getString(0) : r.getString(1)));
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        List<Set<String>> shingles = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            JsonNode article = json.readTree(line);
            String id = article.get("id").asText();
            if (groupOf.containsKey(id)) {
                ids.add(id);
                shingles.add(wordShingles(article.get("text").asText(), 5));
            }
        }
        assertEquals(groupOf.size(), ids.size(), "every article written comes from a line of the input");

        List<String> splitCopies = new ArrayList<>();
        List<String> groupedStrangers = new ArrayList<>();
        int copies = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                double jaccard = jaccard(shingles.get(i), shingles.get(j));
                boolean together = groupOf.get(ids.get(i)).equals(groupOf.get(ids.get(j)));
                String pair = String.format(Locale.ROOT, "%s %s %.3f", ids.get(i), ids.get(j), jaccard);
                if (jaccard >= 0.8) {
                    copies++;
                    if (!together) {
                        splitCopies.add(pair);
                    }
                } else if (jaccard < 0.5 && together) {
                    groupedStrangers.add(pair);
                }
            }
        }
        System.out.printf("news-dev: %d articles written, %d pairs at word-5-shingle Jaccard >= 0.8%n", ids.size(),
                copies);
        assertTrue(copies > 0, "news-dev holds syndicated copies");
        assertEquals(List.of(), splitCopies, "pairs at Jaccard 0.8 or more left in different groups");
        assertEquals(List.of(), groupedStrangers, "pairs below Jaccard 0.5 grouped together");
    }

    /** Lower-cased words (runs of letters and digits, NFC), joined {@code size} at a time. */
    private static Set<String> wordShingles(String text, int size) {
        String[] words = Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}\\p{Nd}]+");
        List<String> kept = Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + size <= kept.size(); i++) {
            shingles.add(String.join(" ", kept.subList(i, i + size)));
        }
        return shingles;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / (a.size() + b.size() - shared);
    }
}
