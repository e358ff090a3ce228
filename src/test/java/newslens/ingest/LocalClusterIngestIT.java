package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import newslens.SparkTestSession;
import newslens.TestData;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submits the ingest through the project's spark-submit twice, on {@code local-cluster[2,1,1024]}
 * (two executors, each its own JVM) and on {@code local[2]}, and checks both write the same rows:
 * anything that only lived on the driver (static state, unshipped config) would differ or fail.
 */
class LocalClusterIngestIT {

    @TempDir
    Path tmp;

    @Test
    void localClusterWritesTheSameRowsAsLocalMode() throws Exception {
        Path cluster = submit("local-cluster[2,1,1024]", tmp.resolve("cluster"));
        Path local = submit("local[2]", tmp.resolve("local"));

        SparkSession spark = SparkTestSession.get();
        for (String table : List.of("articles", "rejects")) {
            Dataset<Row> a = spark.read().parquet(cluster.resolve(table).toString()).drop("run_id");
            Dataset<Row> b = spark.read().parquet(local.resolve(table).toString()).drop("run_id");
            assertTrue(a.count() > 0, table + " is not empty");
            assertEquals(a.count(), b.count(), table + " row counts");
            assertEquals(0, a.exceptAll(b).count(), table + ": rows only in the local-cluster run");
            assertEquals(0, b.exceptAll(a).count(), table + ": rows only in the local run");
        }
    }

    private static Path submit(String master, Path output) throws IOException, InterruptedException {
        Path project = TestData.projectDir();
        Path sparkSubmit = Path.of(System.getenv("SPARK_HOME"), "bin", "spark-submit");
        List<String> command = new ArrayList<>(List.of("bash", sparkSubmit.toString(),
                "--master", master, "--driver-memory", "1g", "--conf", "spark.executor.memory=768m",
                "--class", "newslens.app.Main", System.getProperty("newslens.appJar"),
                "ingest", "--input", TestData.sampleCorpus().toString(), "--output", output.toString()));
        Path log = output.resolveSibling(output.getFileName() + ".log");
        Process process = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String out = Files.readString(log);
        assertTrue(finished && process.exitValue() == 0, master + " run failed:\n" + out);
        return output;
    }
}
