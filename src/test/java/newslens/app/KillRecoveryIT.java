package newslens.app;

import newslens.table.OutputLayout;
import newslens.table.Tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import newslens.SparkTestSession;
import newslens.TestData;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL while it writes a stage's table leaves the previous tables whole and
 * readable, and the next run (taking over the dead run's lock) completes the work.
 */
class KillRecoveryIT {

    @TempDir
    Path tmp;

    @Test
    void killedRunsLeaveReadableTablesAndTheNextRunCompletes() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, finish(submit(out, "--full")));
        Map<String, Long> before = rowCounts(out);

        // One table of each stage; pair_state is written before cooccurrence, inside the same stage.
        for (String table : List.of(Tables.ARTICLES, Tables.MENTIONS, Tables.PAIR_STATE, Tables.COOCCURRENCE,
                Tables.DOC_TOPICS)) {
            Process run = submit(out, "--full");
            boolean staged = waitForStaging(out, table, run);
            run.destroyForcibly().waitFor();
            assertTrue(staged, "the run reached the write of " + table);
            assertEquals(before, rowCounts(out), "after a kill while writing " + table
                    + ", every table is still there and readable");
        }

        assertEquals(0, finish(submit(out)), "the next run, incremental, completes");
        assertEquals(before, rowCounts(out));
        try (Stream<Path> staged = Files.exists(out.resolve("_staging")) ? Files.list(out.resolve("_staging"))
                : Stream.empty()) {
            assertEquals(0, staged.count(), "no staged table is left behind");
        }
        assertTrue(Files.notExists(out.resolve("_lock")), "the lock is released");
    }

    private static int finish(Process run) throws InterruptedException {
        if (!run.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            run.destroyForcibly();
            return -1;
        }
        return run.exitValue();
    }

    private static boolean waitForStaging(Path out, String table, Process run) throws Exception {
        for (int i = 0; i < 1200 && run.isAlive(); i++) {
            try (Stream<Path> runs = Files.exists(out.resolve("_staging")) ? Files.list(out.resolve("_staging"))
                    : Stream.empty()) {
                if (runs.anyMatch(dir -> Files.exists(dir.resolve(OutputLayout.folder(table))))) {
                    return true;
                }
            } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
                // The run published its last staged table between the check and the listing: look again.
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static Map<String, Long> rowCounts(Path out) {
        SparkSession spark = SparkTestSession.get();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : Tables.ALL) {
            if (Files.exists(out.resolve(table))) {
                counts.put(table, spark.read().parquet(out.resolve(table).toString()).count());
            }
        }
        return counts;
    }

    private Process submit(Path out, String... extra) throws IOException {
        Path sparkSubmit = Path.of(System.getenv("SPARK_HOME"), "bin", "spark-submit");
        List<String> command = new java.util.ArrayList<>(List.of("bash", sparkSubmit.toString(),
                "--master", "local[2]", "--driver-memory", "1g",
                "--class", "newslens.app.Main", System.getProperty("newslens.appJar"),
                "run", "--input", TestData.sampleCorpus().toString(), "--output", out.toString()));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("runs.log").toFile())).start();
    }
}
