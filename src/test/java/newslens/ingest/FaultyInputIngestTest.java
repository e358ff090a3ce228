package newslens.ingest;

import newslens.StageRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import newslens.SparkTestSession;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that cannot be read (no permission, or removed after listing) end in rejects with their
 * cause while the batch goes on, and a file readable again is read by the next run. Faults come
 * from {@link FaultInjectingFileSystem}: the tests run as root, which reads any file.
 */
class FaultyInputIngestTest {

    private static final String GOOD_1 = """
            Đà Nẵng khai trương cầu đi bộ trên sông Hàn

            Tối 12/10, thành phố Đà Nẵng đưa vào sử dụng cây cầu đi bộ mới bắc qua sông Hàn.
            Người dân và du khách có thêm nơi dạo chơi, ngắm cảnh vào buổi tối.
            """;
    private static final String GOOD_2 = """
            Cần Thơ mở rộng bến neo đậu ở chợ nổi Cái Răng

            Sáng 15/10, thành phố Cần Thơ công bố kế hoạch mở rộng bến neo đậu ghe thuyền
            ở chợ nổi Cái Răng.
            Tiểu thương mong lượng khách tăng trong mùa du lịch cuối năm.
            """;
    private static final String LOCKED = """
            Huế bắt đầu trùng tu cổng Ngọ Môn

            Chiều 18/10, Trung tâm Bảo tồn di tích cố đô Huế khởi công trùng tu cổng Ngọ Môn.
            Công trình dự kiến kéo dài hai năm, du khách vẫn được tham quan khu vực bên trong.
            """;
    private static final String VANISHING = """
            Phú Quốc đón chuyến bay quốc tế đầu mùa

            Trưa 20/10, sân bay Phú Quốc đón chuyến bay quốc tế đầu tiên của mùa du lịch mới.
            """;

    @TempDir
    Path tmp;

    @Test
    void unreadableAndVanishedFilesAreRejectedWithTheirCauseAndTheGoodOnesAreRead() throws IOException {
        Path in = faultyInput();
        Path out = tmp.resolve("out");

        IngestStage.Result result = ingest(in, out, "r1");

        assertTrue(result.reconciled(), "every listed file is in articles or rejects");
        assertEquals(4, result.filesListed(), "the faulty files are listed like the others");
        assertEquals(4, result.filesRead());
        assertFalse(Files.exists(in.resolve("vanishing.txt")), "the vanishing file was really opened and removed");

        Map<String, Row> articles = byDocId(out);
        assertEquals(Set.of("good-1", "good-2"), articles.keySet());
        assertEquals("Đà Nẵng khai trương cầu đi bộ trên sông Hàn", articles.get("good-1").getAs("title"));
        String readFrom = articles.get("good-1").getAs("source_path");
        assertTrue(readFrom.startsWith(FaultInjectingFileSystem.SCHEME + ":"),
                "the input was read through the fault-injecting file system: " + readFrom);

        Map<String, Row> rejects = rejectsByFileName(out);
        assertEquals(Set.of("locked.txt", "vanishing.txt"), rejects.keySet());
        assertEquals(RejectReason.UNREADABLE.code(), rejects.get("locked.txt").getAs("reason"));
        String lockedDetail = rejects.get("locked.txt").getAs("detail");
        assertTrue(lockedDetail.startsWith("could not read the file: Permission denied"), lockedDetail);
        assertEquals(RejectReason.UNREADABLE.code(), rejects.get("vanishing.txt").getAs("reason"));
        assertEquals("file disappeared after it was listed", rejects.get("vanishing.txt").getAs("detail"));
        assertEquals(Map.of(RejectReason.UNREADABLE.code(), 2L), result.rejectsByReason());
    }

    @Test
    void aFileReadableAgainIsReadByTheNextIncrementalRun() throws IOException {
        Path in = faultyInput();
        Path out = tmp.resolve("out");
        ingest(in, out, "r1");
        assertEquals(Set.of("locked.txt", "vanishing.txt"), rejectsByFileName(out).keySet());

        // As after a chmod: the bytes, size and modification time of the file stay the same.
        FaultInjectingFileSystem.allowReading(in.resolve("locked.txt"));
        IngestStage.Result retry = ingest(in, out, "r2");

        assertTrue(retry.reconciled(), "every listed file is in articles or rejects");
        assertEquals(3, retry.filesListed(), "the vanished file is no longer listed");
        assertEquals(Set.of("good-1", "good-2", "locked"), byDocId(out).keySet(),
                "the formerly unreadable file is read again and becomes an article");
        assertFalse(rejectsByFileName(out).containsKey("locked.txt"), "its reject row is gone");
        assertFalse(rejectsByFileName(out).containsKey("vanishing.txt"),
                "a file gone from the input leaves the tables, as in a full run");
        assertEquals(1, retry.filesRead(), "only the formerly unreadable file is read again");
    }

    /** Two good articles, one file that cannot be read and one that disappears once listed. */
    private Path faultyInput() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("good-1.txt"), GOOD_1, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("good-2.txt"), GOOD_2, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("locked.txt"), LOCKED, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("vanishing.txt"), VANISHING, StandardCharsets.UTF_8);
        FaultInjectingFileSystem.denyReading(in.resolve("locked.txt"));
        FaultInjectingFileSystem.vanishOnFirstOpen(in.resolve("vanishing.txt"));
        return in;
    }

    /** An incremental run (not --full): the second run of a test reads only what is new or changed. */
    private static IngestStage.Result ingest(Path in, Path out, String runId) {
        SparkSession spark = SparkTestSession.get();
        FaultInjectingFileSystem.register(spark.sparkContext().hadoopConfiguration());
        return StageRuns.execute(new IngestStage(new IngestStage.Options(FaultInjectingFileSystem.pathOf(in), Set.of("txt"), 1 << 20, 1 << 20, 4, null, newslens.app.JobConfig.load(null).dedup())), new OutputLayout(out.toString(), runId, spark.sparkContext().hadoopConfiguration()), false);
    }

    private static Map<String, Row> byDocId(Path out) {
        return SparkTestSession.get().read().parquet(out.resolve(Tables.ARTICLES).toString()).collectAsList()
                .stream().collect(Collectors.toMap(row -> row.<String>getAs("doc_id"), Function.identity()));
    }

    private static Map<String, Row> rejectsByFileName(Path out) {
        return SparkTestSession.get().read().parquet(out.resolve(Tables.REJECTS).toString()).collectAsList()
                .stream().collect(Collectors.toMap(FaultyInputIngestTest::fileName, Function.identity()));
    }

    private static String fileName(Row row) {
        String path = row.getAs("source_path");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
