package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import newslens.SparkTestSession;
import newslens.StageRuns;
import newslens.app.JobConfig;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest groups syndicated copies: a reprint with a new title, a dropped sentence and a byline joins its
 * original's group as a near copy; a different story on the same event, a reprint published too long after,
 * stay apart; and a batch that brings copies of archived articles gives the groups one run over everything
 * gives.
 */
class NearDuplicateIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> STORY = List.of(
            "Sáng 14/10, Ủy ban nhân dân thành phố Hà Nội tổ chức lễ khởi công tuyến đường sắt đô thị số 5.",
            "Tuyến đường dài 38 km, đi qua địa bàn sáu quận, huyện và một thị xã của thủ đô.",
            "Theo chủ đầu tư, dự án có tổng vốn khoảng 65.000 tỷ đồng, dự kiến hoàn thành vào năm 2029.",
            "Tuyến sẽ có 20 nhà ga, trong đó có 8 ga ngầm nằm trong khu vực nội đô lịch sử.",
            "Phát biểu tại buổi lễ, lãnh đạo thành phố yêu cầu các nhà thầu bảo đảm tiến độ và an toàn lao động.",
            "Người dân sống dọc tuyến bày tỏ mong muốn việc giải phóng mặt bằng được thực hiện công khai.",
            "Thành phố cho biết sẽ bố trí đủ quỹ nhà tái định cư trước khi thu hồi đất của các hộ dân.",
            "Dự kiến trong quý đầu năm sau, các gói thầu xây lắp chính sẽ được triển khai đồng loạt.");

    private static final List<String> OTHER_STORY = List.of(
            "Chiều 15/10, mưa lớn kéo dài gây ngập sâu nhiều tuyến phố ở thành phố Huế.",
            "Mực nước sông Hương dâng cao, nhiều hộ dân ven sông phải di dời tài sản lên chỗ cao.",
            "Ban chỉ huy phòng chống thiên tai tỉnh đã huy động lực lượng hỗ trợ người dân.",
            "Các trường học ở vùng trũng cho học sinh nghỉ học để bảo đảm an toàn.",
            "Đài khí tượng dự báo mưa còn kéo dài đến hết ngày mai.");

    @TempDir
    Path tmp;

    @Test
    void reprintsJoinTheirOriginalAndABatchLaterGivesTheGroupsOfOneRun() throws IOException {
        Path in = tmp.resolve("in");
        String reprint = "Tiếp tục triển khai tuyến đường sắt số 5 của Hà Nội\n\n"
                + String.join(" ", STORY.subList(0, 5)) + " " + String.join(" ", STORY.subList(6, 8))
                + "\n\nTheo Minh Hà";
        // A rewrite: the same event, its own words but two sentences quoted: under the threshold.
        String rewrite = "Hà Nội khởi công đường sắt số 5\n\n" + STORY.get(0) + " " + STORY.get(2)
                + " Công trình được kỳ vọng giảm ùn tắc cho khu vực phía tây thành phố. Nhiều chuyên gia cho rằng"
                + " tiến độ giải ngân sẽ là thách thức lớn nhất. Các sở, ngành liên quan đã được giao phối hợp chặt"
                + " chẽ với chủ đầu tư trong suốt quá trình thi công.";
        writeLines(in.resolve("a/feed.jsonl"),
                line("a-1", "Hà Nội khởi công tuyến đường sắt đô thị số 5", String.join(" ", STORY),
                        "thudo-online", "2024-10-14T09:00:00+07:00"),
                line("a-2", "Mưa lớn gây ngập ở Huế", String.join(" ", OTHER_STORY), "thudo-online",
                        "2024-10-15T16:00:00+07:00"),
                line("a-3", "Hà Nội khởi công tuyến đường sắt đô thị số 5", String.join(" ", STORY),
                        "lai-tin", "2024-10-14T11:00:00+07:00"),
                line("a-4", "Khởi công đường sắt số 5", rewrite, "bao-khac", "2024-10-14T12:00:00+07:00"));
        Path out = tmp.resolve("out");
        ingest(in, out, "r1", false);

        // The next night: a reprint of a-1 and one of a-2 from other outlets, and a shortened a-2 two weeks
        // later (a report repeated, not syndication: beyond dedup.maxDaysApart).
        writeLines(in.resolve("b/feed.jsonl"),
                line("b-1", "Tin mới: đường sắt số 5", reprint.substring(reprint.indexOf("\n\n") + 2), "bao-mien-bac",
                        "2024-10-15T07:00:00+07:00"),
                line("b-2", "Mưa lớn gây ngập ở Huế", String.join(" ", OTHER_STORY.subList(0, 4)), "tin-tong-hop",
                        "2024-10-30T08:00:00+07:00"),
                line("b-3", "Mưa ở Huế", String.join(" ", OTHER_STORY.subList(1, 5)) + " " + STORY.get(7),
                        "bao-mien-trung", "2024-10-16T08:00:00+07:00"));
        IngestStage.Result later = ingest(in, out, "r2", false);
        assertEquals(3, later.duplicates(), "a-3 an exact copy of a-1, b-1 a near one, b-3 a near copy of a-2");
        assertEquals(2, later.nearDuplicates());
        assertEquals(2, later.duplicateGroups());

        Map<String, Row> articles = rows(out, Tables.ARTICLES, "doc_id");
        assertEquals("a-1", articles.get("a-3").getAs("duplicate_of"));
        assertEquals("exact", articles.get("a-3").getAs("duplicate_kind"));
        assertEquals(1.0, articles.get("a-3").<Double>getAs("duplicate_similarity"));
        assertEquals("a-1", articles.get("b-1").getAs("duplicate_of"), "a reprint the next day joins the original");
        assertEquals("near", articles.get("b-1").getAs("duplicate_kind"));
        double similarity = articles.get("b-1").<Double>getAs("duplicate_similarity");
        assertTrue(similarity >= 0.5 && similarity < 1, "similarity to the head, got " + similarity);
        assertNull(articles.get("a-4").getAs("duplicate_of"), "a rewrite quoting two sentences is its own story");
        assertNull(articles.get("b-2").getAs("duplicate_of"), "15 days after: not a syndicated copy");
        assertEquals("a-2", articles.get("b-3").getAs("duplicate_of"));

        Map<String, Row> groups = rows(out, Tables.DUPLICATE_GROUPS, "head_doc_id");
        assertEquals(Set.of("a-1", "a-2"), groups.keySet());
        Row story = groups.get("a-1");
        assertEquals(3L, story.<Long>getAs("n_articles"));
        assertEquals(1L, story.<Long>getAs("n_near"));
        assertEquals(3L, story.<Long>getAs("n_outlets"));
        assertEquals(List.of("a-1", "a-3", "b-1"), story.getList(story.fieldIndex("doc_ids")));
        assertEquals(List.of("bao-mien-bac", "lai-tin", "thudo-online"), story.getList(story.fieldIndex("sources")));
        assertEquals("2024-10-14", story.getAs("first_published").toString());
        assertEquals("2024-10-15", story.getAs("last_published").toString());
        assertEquals("Hà Nội khởi công tuyến đường sắt đô thị số 5", story.getAs("title"));

        Path oneRun = tmp.resolve("one-run");
        ingest(in, oneRun, "full", true);
        for (String table : List.of(Tables.ARTICLES, Tables.DUPLICATE_GROUPS)) {
            Dataset<Row> incremental = read(out, table);
            Dataset<Row> full = read(oneRun, table);
            assertEquals(full.count(), incremental.count(), table);
            assertEquals(0, full.exceptAll(incremental).count(), table + ": batch A then B equals A and B in one run");
        }
    }

    /**
     * A nightly batch is compared against the archive's stored signatures, not its text: after the first run
     * the archive's text is blanked in the published table, and a reprint arriving the next night still
     * joins its original, with the similarity one run over the original texts measures.
     */
    @Test
    void aNightlyBatchIsComparedAgainstTheArchivesSignaturesNotItsText() throws IOException {
        Path in = tmp.resolve("in");
        Path out = ingestedArchive(in);
        SparkSession spark = SparkTestSession.get();
        OutputLayout archive = new OutputLayout(out.toString(), "blank", spark.sparkContext().hadoopConfiguration());
        archive.writeTable(Tables.ARTICLES, read(out, Tables.ARTICLES).withColumn("text",
                org.apache.spark.sql.functions.lit("")).withColumn("run_id", org.apache.spark.sql.functions.lit("r1")),
                Tables.ARTICLES_SCHEMA);

        writeReprintBatch(in);
        assertEquals(1, ingest(in, out, "r2", false).bodiesSigned(), "only the new article's body is signed");
        Map<String, Row> nightly = rows(out, Tables.ARTICLES, "doc_id");
        assertEquals("", nightly.get("a-1").getAs("text"), "the archive's text was not read from the input again");
        assertEquals("a-1", nightly.get("b-1").getAs("duplicate_of"));

        Path oneRun = tmp.resolve("one-run");
        ingest(in, oneRun, "full", true);
        Row full = rows(oneRun, Tables.ARTICLES, "doc_id").get("b-1");
        assertEquals(full.<Double>getAs("duplicate_similarity"), nightly.get("b-1").<Double>getAs("duplicate_similarity"),
                "the stored shingles of a-1 measure what its text measures");
    }

    /**
     * Ingest stores the links before the signatures. A run stopped between the two leaves the new bodies
     * unsigned (and the articles and ledger unpublished), so the run that redoes it signs and links them again;
     * the link found twice is stored once.
     */
    @Test
    void aRunStoppedAfterStoringItsLinksIsRedoneWithTheSameGroups() throws IOException {
        Path in = tmp.resolve("in");
        Path out = ingestedArchive(in);
        Path beforeTheBatch = tmp.resolve("before");
        copyTree(out, beforeTheBatch);

        writeReprintBatch(in);
        ingest(in, out, "r2", false);
        List<Row> links = read(out, OutputLayout.folder(Tables.DEDUP_LINKS)).collectAsList();
        assertEquals(1, links.size(), "b-1 links to a-1");

        // The state of a run stopped after storing its links: everything else as before the batch.
        Path stopped = tmp.resolve("stopped");
        copyTree(beforeTheBatch, stopped);
        deleteTree(stopped.resolve(OutputLayout.folder(Tables.DEDUP_LINKS)));
        copyTree(out.resolve(OutputLayout.folder(Tables.DEDUP_LINKS)), stopped.resolve(OutputLayout.folder(Tables.DEDUP_LINKS)));
        assertEquals(1, ingest(in, stopped, "r3", false).bodiesSigned(), "the redo signs b-1 again");
        assertEquals("a-1", rows(stopped, Tables.ARTICLES, "doc_id").get("b-1").getAs("duplicate_of"));
        assertEquals(Set.copyOf(links), Set.copyOf(read(stopped, OutputLayout.folder(Tables.DEDUP_LINKS)).collectAsList()));
        assertEquals(1, read(stopped, OutputLayout.folder(Tables.DEDUP_LINKS)).count(), "one link, stored once");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The archive of the nightly tests, a story (a-1) and an unrelated one (a-2), ingested into {@code out}. */
    private Path ingestedArchive(Path in) throws IOException {
        writeLines(in.resolve("a/feed.jsonl"),
                line("a-1", "Hà Nội khởi công tuyến đường sắt đô thị số 5", String.join(" ", STORY),
                        "thudo-online", "2024-10-14T09:00:00+07:00"),
                line("a-2", "Mưa lớn gây ngập ở Huế", String.join(" ", OTHER_STORY), "thudo-online",
                        "2024-10-15T16:00:00+07:00"));
        Path out = tmp.resolve("out");
        ingest(in, out, "r1", false);
        return out;
    }

    /** The next night's batch: b-1, a reprint of a-1 with a sentence dropped. */
    private static void writeReprintBatch(Path in) throws IOException {
        writeLines(in.resolve("b/feed.jsonl"),
                line("b-1", "Tin mới: đường sắt số 5", String.join(" ", STORY.subList(0, 5)) + " "
                        + String.join(" ", STORY.subList(6, 8)), "bao-mien-bac", "2024-10-15T07:00:00+07:00"));
    }

    private static IngestStage.Result ingest(Path in, Path out, String runId, boolean full) {
        SparkSession spark = SparkTestSession.get();
        return StageRuns.execute(new IngestStage(new IngestStage.Options(in.toString(), Set.of("jsonl"), 1 << 20,
                        1 << 20, 4, null, JobConfig.load(null).dedup())),
                new OutputLayout(out.toString(), runId, spark.sparkContext().hadoopConfiguration()), full);
    }

    private static Dataset<Row> read(Path out, String table) {
        Dataset<Row> rows = SparkTestSession.get().read().parquet(out.resolve(table).toString());
        return (List.of(rows.columns()).contains("run_id") ? rows.drop("run_id") : rows).localCheckpoint();
    }

    private static Map<String, Row> rows(Path out, String table, String key) {
        return read(out, table).collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(key), r -> r));
    }

    private static String line(String id, String title, String text, String source, String publishedAt) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id).put("title", title).put("text", text).put("source", source)
                .put("url", "https://" + source + ".example/" + id).put("published_at", publishedAt);
        return node.toString();
    }

    private static void writeLines(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
