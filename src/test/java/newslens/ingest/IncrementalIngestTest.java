package newslens.ingest;

import newslens.StageRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import newslens.SparkTestSession;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that read only new or changed files give the tables a full run gives. */
class IncrementalIngestTest {

    @TempDir
    Path tmp;

    @Test
    void rerunsChangeNothingAndABatchAddedLaterEqualsOneRunOnEverything() throws IOException {
        Path in = tmp.resolve("in");
        write(in.resolve("a/1.txt"), article("Giá xăng giảm lần thứ ba", "Chiều 3/10, liên bộ điều chỉnh giá xăng."));
        write(in.resolve("a/2.txt"), article("Mưa lớn ở miền Trung", "Sáng 4/10, mưa lớn gây ngập tại Huế."));
        write(in.resolve("a/feed.jsonl"), "{\"id\": \"f1\", \"text\": \"Khai mạc hội chợ\\nHội chợ mở cửa.\"}\n"
                + "{\"id\": \"f2\", \"text\": \"Tin ngắn\\nMột tin ngắn khác.\"}\n");
        write(in.resolve("a/empty.txt"), "");

        Path out = tmp.resolve("out");
        IngestStage.Result first = ingest(in, out, "r1", false);
        assertEquals(4, first.filesRead());
        Snapshot afterFirst = snapshot(out);

        IngestStage.Result rerun = ingest(in, out, "r2", false);
        assertEquals(0, rerun.filesRead(), "nothing new: nothing is read");
        assertTrue(rerun.reconciled());
        afterFirst.assertSameAs(snapshot(out), "a rerun changes nothing");

        // A later batch: two new files (one a copy of an old article) and one old file rewritten.
        write(in.resolve("b/3.txt"), article("Giá xăng giảm lần thứ ba", "Chiều 3/10, liên bộ điều chỉnh giá xăng."));
        write(in.resolve("b/4.txt"), article("Đội tuyển thắng trận mở màn", "Tối 5/10, đội tuyển thắng 2-0."));
        write(in.resolve("a/2.txt"), article("Mưa lớn ở miền Trung", "Sáng 4/10, mưa lớn gây ngập tại Huế và Đà Nẵng."));
        Files.setLastModifiedTime(in.resolve("a/2.txt"), FileTime.from(Instant.now().plusSeconds(5)));
        IngestStage.Result later = ingest(in, out, "r3", false);
        assertEquals(3, later.filesRead());
        assertEquals(1, later.duplicates(), "the new copy points at the old original");

        Path fresh = tmp.resolve("fresh");
        ingest(in, fresh, "full", true);
        snapshot(fresh).assertSameAs(snapshot(out), "incremental runs equal one full run");

        List<Row> rewritten = SparkTestSession.get().read().parquet(out.resolve("articles").toString())
                .filter("doc_id = 'a/2'").collectAsList();
        assertEquals(1, rewritten.size(), "a changed file replaces its article");
        assertTrue(rewritten.get(0).<String>getAs("text").contains("Đà Nẵng"));
    }

    private IngestStage.Result ingest(Path in, Path out, String runId, boolean full) {
        SparkSession spark = SparkTestSession.get();
        return StageRuns.execute(new IngestStage(new IngestStage.Options(in.toString(), Set.of("txt", "jsonl"), 1 << 20, 1 << 20, 4, null, newslens.app.JobConfig.load(null).dedup())), new OutputLayout(out.toString(), runId,
                spark.sparkContext().hadoopConfiguration()), full);
    }

    /** The rows of articles, rejects and ledger without their run_id. */
    private record Snapshot(List<Dataset<Row>> tables) {
        void assertSameAs(Snapshot other, String what) {
            for (int i = 0; i < tables.size(); i++) {
                Dataset<Row> a = tables.get(i);
                Dataset<Row> b = other.tables.get(i);
                assertEquals(a.count(), b.count(), what + ": row count of table " + i);
                assertEquals(0, a.exceptAll(b).count(), what + ": rows of table " + i);
            }
        }
    }

    private static Snapshot snapshot(Path out) {
        SparkSession spark = SparkTestSession.get();
        return new Snapshot(List.of(Tables.ARTICLES, Tables.REJECTS, Tables.LEDGER).stream()
                .map(t -> spark.read().parquet(out.resolve(t).toString()).drop("run_id").localCheckpoint())
                .toList());
    }

    private static String article(String title, String body) {
        return title + "\n\n" + body + "\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
