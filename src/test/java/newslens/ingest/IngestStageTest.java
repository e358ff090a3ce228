package newslens.ingest;

import newslens.StageRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import newslens.SparkTestSession;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestStageTest {

    private static final String ARTICLE = """
            Hà Nội khởi công tuyến đường sắt đô thị mới

            08:15 | 14/10/2024

            Sáng 14-10, Ủy ban nhân dân thành phố Hà Nội tổ chức lễ khởi công tuyến đường sắt đô thị số 5.
            Lãnh đạo thành phố phát biểu tại buổi lễ. Ảnh: Minh Anh

            Tuyến đường dài 38 km, dự kiến hoàn thành vào năm 2029.
            Nguồn: thudo-online.vn
            Thanh Hương
            """;

    @TempDir
    Path tmp;

    @Test
    void everyInputEndsAsAnArticleOrAReject() throws IOException {
        Path in = tmp.resolve("in");
        write(in.resolve("thudo/2024-10/duong-sat.txt"), ARTICLE.getBytes(StandardCharsets.UTF_8));
        // The same body from a second outlet: an exact syndicated duplicate.
        write(in.resolve("lai-tin/ban-sao.txt"), ARTICLE.getBytes(StandardCharsets.UTF_8));
        write(in.resolve("bad/empty.txt"), new byte[0]);
        write(in.resolve("bad/latin1.txt"), "Thành phố đã khởi công".getBytes(StandardCharsets.ISO_8859_1));
        write(in.resolve("feed/wire.jsonl"), String.join("\n",
                "{\"id\": \"w-1\", \"text\": \"Bão số 3 đổ bộ\\nChiều 7/9, bão số 3 đổ bộ vào Quảng Ninh.\", "
                        + "\"published_at\": \"2024-09-07T15:00:00+07:00\"}",
                "{\"id\": \"w-2\", \"title\": \"Thiếu nội dung\"}",
                "{\"id\": \"w-3\", \"text\": \"Giá vàng tăng\\nGiá vàng trong nước tăng mạnh.\"",
                "{\"text\": \"Không có mã\\nBài báo không có mã định danh riêng.\"}",
                "").getBytes(StandardCharsets.UTF_8));
        // A second feed reusing an id: the first by path keeps it, this one is rejected.
        write(in.resolve("feed/wire2.jsonl"), ("{\"id\": \"w-1\", \"text\": \"Tin khác\\nMột tin khác dùng lại mã w-1.\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        write(in.resolve("notes.md"), "# not an article".getBytes(StandardCharsets.UTF_8));
        write(in.resolve(".hidden/secret.txt"), ARTICLE.getBytes(StandardCharsets.UTF_8));

        SparkSession spark = SparkTestSession.get();
        Path out = tmp.resolve("out");
        OutputLayout layout = new OutputLayout(out.toString(), "test-run", spark.sparkContext().hadoopConfiguration());
        IngestStage.Result result = StageRuns.execute(new IngestStage(new IngestStage.Options(in.toString(), Set.of("txt", "jsonl"), 1_000_000, 1_000_000, 4, null, newslens.app.JobConfig.load(null).dedup())), layout, false);

        assertEquals(6, result.filesListed(), "6 input files: .md is skipped, .hidden is hidden");
        assertEquals(1, result.filesSkipped());
        assertTrue(result.reconciled(), "every listed file is in articles or rejects");
        assertEquals(4, result.articles());
        assertEquals(1, result.duplicates());

        Map<String, Row> articles = spark.read().parquet(layout.table(Tables.ARTICLES)).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("doc_id"), r -> r));
        assertEquals(Set.of("thudo/2024-10/duong-sat", "lai-tin/ban-sao", "w-1", "feed/wire#4"), articles.keySet());
        Row original = articles.get("lai-tin/ban-sao");
        Row copy = articles.get("thudo/2024-10/duong-sat");
        assertNull(original.getAs("duplicate_of"), "the first doc_id of a duplicate group is the original");
        assertEquals("lai-tin/ban-sao", copy.getAs("duplicate_of"));
        assertEquals("Hà Nội khởi công tuyến đường sắt đô thị mới", copy.getAs("title"));
        assertEquals("08:15 | 14/10/2024", copy.getAs("published_at"));
        assertEquals("thudo-online.vn", copy.getAs("source"));
        assertEquals(java.sql.Date.valueOf("2024-10-14"), copy.getAs("published_date"));
        String text = copy.getAs("text");
        assertTrue(text.startsWith("Sáng 14-10, Ủy ban nhân dân"), text);
        assertTrue(!text.contains("Ảnh:") && !text.contains("Nguồn:") && !text.contains("08:15"), text);
        assertEquals("Thanh Hương", copy.getAs("author"), "the closing byline is the author");
        assertTrue(text.endsWith("năm 2029."), "and not part of the text: " + text);
        assertNull(articles.get("w-1").getAs("author"));
        assertEquals(text.length(), (int) copy.getAs("n_chars"));
        assertEquals(java.sql.Date.valueOf("2024-09-07"), articles.get("w-1").getAs("published_date"));
        assertEquals("metadata", articles.get("w-1").getAs("date_source"));

        Map<String, String> rejects = spark.read().parquet(layout.table(Tables.REJECTS)).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("source_path").toString().replaceAll(".*/in/", "")
                        + "@" + r.getAs("detail").toString().replaceAll("^(line \\d+).*", "$1"),
                        r -> r.getAs("reason")));
        assertEquals("empty", rejects.get("bad/empty.txt@" + detailOf(rejects, "bad/empty.txt")));
        assertTrue(rejects.entrySet().stream().anyMatch(e -> e.getKey().startsWith("bad/latin1.txt")
                && e.getValue().equals("encoding")), rejects.toString());
        assertEquals("missing_text", rejects.get("feed/wire.jsonl@line 2"), rejects.toString());
        assertEquals("malformed_json", rejects.get("feed/wire.jsonl@line 3"), rejects.toString());
        assertTrue(rejects.entrySet().stream().anyMatch(e -> e.getKey().startsWith("feed/wire2.jsonl@doc_id 'w-1'")
                && e.getValue().equals("duplicate_id")), rejects.toString());
        assertEquals(5, result.rejects(), rejects.toString());
        assertTrue(Files.exists(Path.of(layout.table(Tables.ARTICLES), "_SUCCESS")));
        assertTrue(Files.notExists(out.resolve("_staging/test-run")), "staging is cleaned after publication");
    }

    private static String detailOf(Map<String, String> rejects, String path) {
        return rejects.keySet().stream().filter(k -> k.startsWith(path + "@")).findFirst()
                .map(k -> k.substring(path.length() + 1)).orElse("?");
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
