package newslens.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import newslens.SparkTestSession;
import newslens.TestData;
import newslens.app.MainRunner;
import newslens.table.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily runs over a growing folder (ingest, entities, cooccurrence, each processing only what is new or
 * changed) leave the tables one run over everything gives, and a rerun changes nothing.
 */
class IncrementalAggregatesTest {

    private static final List<String> TABLES = List.of(Tables.ARTICLES, Tables.REJECTS, Tables.LEDGER,
            Tables.MENTIONS, Tables.ENTITIES, Tables.ENTITY_FREQUENCY, Tables.COOCCURRENCE);

    @TempDir
    Path tmp;

    @Test
    void batchAThenBatchBEqualsOneRunOnBoth() throws IOException {
        Path sample = TestData.sampleCorpus();
        Path in = tmp.resolve("in");
        copy(sample.resolve("baomoi-quocte"), in.resolve("baomoi-quocte"));
        copy(sample.resolve("kinhte-ngaynay/2024-09"), in.resolve("kinhte-ngaynay/2024-09"));
        Path daily = tmp.resolve("daily");
        runStages(in, daily);

        runStages(in, daily);
        List<List<String>> afterA = snapshot(daily);
        assertEquals(0, cooccurrenceRecounted(in, daily), "a rerun recounts no period");
        assertEquals(afterA, snapshot(daily), "a rerun changes nothing");

        // Batch B: new folders (one article syndicated from batch A) and one batch-A article rewritten.
        copy(sample.resolve("thoisu-online/2024-10"), in.resolve("thoisu-online/2024-10"));
        copy(sample.resolve("kinhte-ngaynay/2024-10"), in.resolve("kinhte-ngaynay/2024-10"));
        Path rewritten = in.resolve("baomoi-quocte/2024-11/nhat-ban-ho-tro-nganh-chip-va-ai.txt");
        Files.writeString(rewritten, "\nThủ tướng Nhật Bản Ishiba Shigeru gặp Tổng thống Hàn Quốc Yoon Suk Yeol tại Tokyo.\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(rewritten, FileTime.from(Instant.now().plusSeconds(5)));
        runStages(in, daily);

        Path once = tmp.resolve("once");
        runStages(in, once);
        List<List<String>> expected = snapshot(once);
        List<List<String>> actual = snapshot(daily);
        for (int i = 0; i < TABLES.size(); i++) {
            assertEquals(List.of(), difference(expected.get(i), actual.get(i)),
                    "table " + TABLES.get(i) + ": rows of one run on A+B missing after A then B");
            assertEquals(List.of(), difference(actual.get(i), expected.get(i)),
                    "table " + TABLES.get(i) + ": rows after A then B that one run on A+B does not give");
            assertEquals(expected.get(i), actual.get(i), "table " + TABLES.get(i));
        }
        assertTrue(expected.get(TABLES.indexOf(Tables.COOCCURRENCE)).size() > 100, "pairs were counted");
    }

    /** Rows of {@code a} not in {@code b}, the first 20. */
    private static List<String> difference(List<String> a, List<String> b) {
        java.util.Set<String> other = new java.util.HashSet<>(b);
        return a.stream().filter(row -> !other.contains(row)).limit(20).toList();
    }

    private static void runStages(Path in, Path out) {
        for (String stage : List.of("ingest", "entities", "cooccurrence")) {
            assertEquals(0, MainRunner.run(stage, "--input", in.toString(), "--output", out.toString()), stage);
        }
    }

    /** Runs cooccurrence again and reads how many base periods it recounted from the run manifest. */
    private static long cooccurrenceRecounted(Path in, Path out) throws IOException {
        assertEquals(0, MainRunner.run("cooccurrence", "--output", out.toString()));
        Path manifest;
        try (Stream<Path> runs = Files.list(out.resolve("_runs"))) {
            manifest = runs.filter(p -> p.toString().endsWith(".json"))
                    .max(java.util.Comparator.comparing(Path::getFileName)).orElseThrow();
        }
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(manifest.toFile());
        return report.path("stages").path("cooccurrence").path("result").path("periodsRecounted").asLong(-1);
    }

    /** Each table's rows as sorted strings, without the run_id that names the run which read a file. */
    private static List<List<String>> snapshot(Path out) {
        SparkSession spark = SparkTestSession.get();
        return TABLES.stream().map(table -> {
            Dataset<Row> rows = spark.read().parquet(out.resolve(table).toString());
            if (List.of(rows.columns()).contains("run_id")) {
                rows = rows.drop("run_id");
            }
            return rows.collectAsList().stream().map(Row::toString).sorted().toList();
        }).toList();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
