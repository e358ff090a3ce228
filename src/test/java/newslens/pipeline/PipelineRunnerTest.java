package newslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import newslens.SparkTestSession;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's contract with stages, on two small stages of the test's own. */
class PipelineRunnerTest {

    @TempDir
    Path tmp;

    /** A stage's figures, as the manifest records them. */
    private record Written(String stage, long rows) implements StageResult {
        @Override
        public String summary() {
            return stage + ": " + rows + " rows";
        }
    }

    /** Writes three rejects rows. */
    private record WriteRejects() implements Stage {
        @Override
        public Signature signature() {
            return new Signature("first", List.of(), List.of(), List.of(Tables.REJECTS));
        }

        @Override
        public StageResult execute(StageContext context) {
            List<Row> rows = List.of(reject("a"), reject("b"), reject("c"));
            context.write(Tables.REJECTS, context.spark().createDataFrame(rows, Tables.REJECTS_SCHEMA));
            return new Written("first", context.rowsWritten(Tables.REJECTS));
        }
    }

    /** Reads the rejects (remembering how it got them) and writes a ledger row per reject. */
    private record ReadRejects(AtomicReference<Dataset<Row>> seen, boolean declared) implements Stage {
        @Override
        public Signature signature() {
            return new Signature("second", declared ? List.of(Tables.REJECTS) : List.of(), List.of(),
                    List.of(Tables.LEDGER));
        }

        @Override
        public StageResult execute(StageContext context) {
            Dataset<Row> rejects = context.table(Tables.REJECTS);
            seen.set(rejects);
            context.write(Tables.LEDGER, rejects.selectExpr("source_path", "n_bytes", "0L as modification_time",
                    "cast(null as string) as file_hash", "0L as n_articles", "1L as n_rejects", "run_id"));
            return new Written("second", context.rowsWritten(Tables.LEDGER));
        }
    }

    @Test
    void aLaterStageGetsWhatAnEarlierOneWroteWithoutReadingItBack() {
        SparkSession spark = SparkTestSession.get();
        AtomicReference<Dataset<Row>> seen = new AtomicReference<>();
        PipelineRunner.RunOutcome outcome = new PipelineRunner(spark).run(new PipelineRunner.Invocation("test", null,
                false), tmp.resolve("out").toString(), List.of(new WriteRejects(), new ReadRejects(seen, true)));

        assertTrue(outcome.succeeded(), outcome.status());
        assertTrue(seen.get().logicalPlan() instanceof LogicalRDD,
                "handed over as the rows kept in memory, not as a scan of the written files: "
                        + seen.get().logicalPlan().getClass().getSimpleName());
        assertEquals(List.of("first: 3 rows", "second: 3 rows"),
                outcome.stages().stream().map(s -> s.result().summary()).toList());
        assertEquals(3, outcome.tables().stream().filter(t -> t.name().equals(Tables.LEDGER)).findFirst()
                .orElseThrow().rows(), "row counts in the manifest come from the writes");
        assertTrue(Files.exists(tmp.resolve("out/_runs/" + outcome.runId() + ".json")), "the manifest");
        assertFalse(Files.exists(tmp.resolve("out/_lock")), "the lock is released");
    }

    @Test
    void aStageRunOnItsOwnReadsItsInputFromTheOutputFolder() {
        SparkSession spark = SparkTestSession.get();
        String out = tmp.resolve("alone").toString();
        PipelineRunner runner = new PipelineRunner(spark);
        runner.run(new PipelineRunner.Invocation("first", null, false), out, List.of(new WriteRejects()));
        AtomicReference<Dataset<Row>> seen = new AtomicReference<>();
        assertTrue(runner.run(new PipelineRunner.Invocation("second", null, false), out,
                List.of(new ReadRejects(seen, true))).succeeded());
        assertFalse(seen.get().logicalPlan() instanceof LogicalRDD, "read from --output");
        assertEquals(3, seen.get().count());
    }

    @Test
    void missingInputsAndUndeclaredReadsAreRefusedNamingStageAndTable() {
        SparkSession spark = SparkTestSession.get();
        PipelineRunner runner = new PipelineRunner(spark);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> runner.run(
                new PipelineRunner.Invocation("second", null, false), tmp.resolve("empty").toString(),
                List.of(new ReadRejects(new AtomicReference<>(), true))));
        assertTrue(missing.getMessage().contains("stage second reads table rejects"), missing.getMessage());
        assertFalse(Files.exists(tmp.resolve("empty/_runs")), "nothing ran");

        IllegalStateException undeclared = assertThrows(IllegalStateException.class, () -> runner.run(
                new PipelineRunner.Invocation("test", null, false), tmp.resolve("undeclared").toString(),
                List.of(new WriteRejects(), new ReadRejects(new AtomicReference<>(), false))));
        assertTrue(undeclared.getMessage().contains("without declaring it"), undeclared.getMessage());
    }

    private static Row reject(String path) {
        return RowFactory.create(path, "empty", "0 bytes", 0L, "r");
    }
}
