package newslens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import newslens.SparkTestSession;
import newslens.TestData;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submits a whole {@code run} through the project's spark-submit twice, on {@code local-cluster[2,1,1024]}
 * (two executors, each its own JVM) and on {@code local[2]}, and checks that both write the same rows in every
 * table: anything that only lived on the driver (static state, unshipped config, a result gathered from the
 * tasks) would differ or fail. The topic tables are left out, and the trends of topic keys: an EM fit sums in
 * another order over other partitions, so its topics differ between the two runs. A short fit keeps the test
 * quick.
 */
class LocalClusterRunIT {

    /** Every table of a run but the topic tables; for trends and bursts, the rows of entity and pair keys. */
    private static final List<String> TABLES = List.of("articles", "rejects", "ledger", "duplicate_groups", "mentions",
            "entities", "entity_frequency", "cooccurrence", "trends", "bursts");
    private static final Set<String> ALL_KINDS_BUT_TOPICS = Set.of("trends", "bursts");

    @TempDir
    Path tmp;

    @Test
    void localClusterWritesTheSameRowsAsLocalMode() throws Exception {
        Path config = tmp.resolve("short-fit.json");
        Files.writeString(config, "{\"topics\": {\"maxIterations\": 5, \"collocationPasses\": 1}}");
        Path cluster = submit("local-cluster[2,1,1024]", tmp.resolve("cluster"), config);
        Path local = submit("local[2]", tmp.resolve("local"), config);

        SparkSession spark = SparkTestSession.get();
        for (String table : TABLES) {
            Dataset<Row> a = comparable(spark, cluster, table);
            Dataset<Row> b = comparable(spark, local, table);
            if (!table.equals("bursts")) { // the sample corpus is too short for a burst
                assertTrue(a.count() > 0, table + " is not empty");
            }
            assertEquals(a.count(), b.count(), table + " row counts");
            assertEquals(0, a.exceptAll(b).count(), table + ": rows only in the local-cluster run");
            assertEquals(0, b.exceptAll(a).count(), table + ": rows only in the local run");
        }
    }

    /** The table's rows without the run's id (each run has its own), topic keys left out of trends and bursts. */
    private static Dataset<Row> comparable(SparkSession spark, Path output, String table) {
        Dataset<Row> rows = spark.read().parquet(output.resolve(table).toString());
        if (Arrays.asList(rows.columns()).contains("run_id")) {
            rows = rows.drop("run_id");
        }
        return ALL_KINDS_BUT_TOPICS.contains(table) ? rows.filter(col("kind").notEqual("topic")) : rows;
    }

    private static Path submit(String master, Path output, Path config) throws IOException, InterruptedException {
        Path project = TestData.projectDir();
        Path sparkSubmit = Path.of(System.getenv("SPARK_HOME"), "bin", "spark-submit");
        List<String> command = new ArrayList<>(List.of("bash", sparkSubmit.toString(),
                "--master", master, "--driver-memory", "1g", "--conf", "spark.executor.memory=768m",
                "--class", "newslens.app.Main", System.getProperty("newslens.appJar"),
                "run", "--input", TestData.sampleCorpus().toString(), "--output", output.toString(),
                "--config", config.toString()));
        Path log = output.resolveSibling(output.getFileName() + ".log");
        Process process = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String out = Files.readString(log);
        assertTrue(finished && process.exitValue() == 0, master + " run failed:\n" + out);
        return output;
    }
}
