package newslens.ingest;

import newslens.StageRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Every kind of bad input ends in rejects with its reason, or is read, while the batch goes on. */
class BadInputIngestTest {

    private static final String TEXT = "Hà Nội mở thêm tuyến xe buýt điện\n\n"
            + "Sáng 2/10, thành phố đưa vào khai thác tuyến xe buýt điện mới nối trung tâm với các khu đô thị. "
            + "Người dân có thể đi lại thuận tiện hơn và giảm khói bụi trên đường phố.\n";

    @TempDir
    Path tmp;

    @Test
    void eachBadInputHasItsReasonAndTheGoodOnesAreRead() throws IOException {
        Path in = tmp.resolve("in");
        write(in, "good.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        write(in, "empty.txt", new byte[0]);
        write(in, "binary.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 0, 1, 2, 3, 0, 0, 0});
        write(in, "latin1-english.txt", "Caf\u00e9 menu: cr\u00e8me br\u00fbl\u00e9e and d\u00e9j\u00e0 vu, fa\u00e7ade"
                .getBytes(StandardCharsets.ISO_8859_1));
        byte[] utf16 = TEXT.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        write(in, "utf16.txt", withBom);
        for (LegacyVietnameseCharset charset : LegacyVietnameseCharset.values()) {
            write(in, "legacy-" + charset.charsetName() + ".txt",
                    LegacyEncodings.encode(LegacyEncodings.typeable(TEXT, charset), charset));
        }
        write(in, "huge.txt", ("Tiêu đề\n\n" + "Một câu rất dài. ".repeat(4000)).getBytes(StandardCharsets.UTF_8));
        write(in, "feed.jsonl", String.join("\n",
                "{\"id\": \"ok-1\", \"text\": \"Tin một\\nNội dung tin một.\"}",
                "{\"id\": \"bad-1\", \"text\": ",
                "{\"id\": \"ok-2\", \"text\": \"Tin hai\\nNội dung tin hai.\"}",
                "{\"id\": \"cut").getBytes(StandardCharsets.UTF_8));

        SparkSession spark = SparkTestSession.get();
        OutputLayout layout = new OutputLayout(tmp.resolve("out").toString(), "t",
                spark.sparkContext().hadoopConfiguration());
        IngestStage.Result result = StageRuns.execute(new IngestStage(new IngestStage.Options(in.toString(), Set.of("txt", "jsonl"), 50_000, 1 << 20, 4, null, newslens.app.JobConfig.load(null).dedup())), layout, true);
        assertTrue(result.reconciled());

        Map<String, String> rejected = spark.read().parquet(layout.table(Tables.REJECTS)).collectAsList().stream()
                .collect(Collectors.toMap(r -> name(r) + "@" + r.<String>getAs("detail").replaceAll("^(line \\d+).*",
                        "$1").replaceAll("^[^l].*", ""), r -> r.<String>getAs("reason")));
        assertEquals(Map.of(
                "empty.txt@", "empty",
                "binary.txt@", "binary",
                "latin1-english.txt@", "encoding",
                "huge.txt@", "too_large",
                "feed.jsonl@line 2", "malformed_json",
                "feed.jsonl@line 4", "malformed_json"), rejected);

        Map<String, String> read = spark.read().parquet(layout.table(Tables.ARTICLES)).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("doc_id"), r -> r.<String>getAs("title")));
        assertEquals(Set.of("good", "utf16", "legacy-windows-1258", "legacy-TCVN3", "legacy-VNI", "ok-1", "ok-2"),
                read.keySet());
        assertEquals("Hà Nội mở thêm tuyến xe buýt điện", read.get("utf16"));
        assertEquals("Hà Nội mở thêm tuyến xe buýt điện", read.get("legacy-windows-1258"));
    }

    private static String name(Row reject) {
        String path = reject.getAs("source_path");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void write(Path folder, String name, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), bytes);
    }
}
