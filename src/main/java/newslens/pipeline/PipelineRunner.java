package newslens.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import newslens.table.OutputLayout;
import newslens.table.RunLock;
import newslens.table.RunManifest;
import newslens.table.Tables;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs stages, in the order given, over one output folder. The algorithm:
 * <ol>
 *   <li><b>Check</b>, before anything runs: every table a stage reads is written by an earlier stage of
 *       the run or published under {@code --output}; otherwise the run stops naming the stage and table.</li>
 *   <li><b>Lock</b> the output folder ({@link RunLock}) and finish what a killed run left
 *       ({@link OutputLayout#recoverInterruptedRuns}).</li>
 *   <li><b>Execute</b> each stage with a {@link RunContext}: tables an earlier stage wrote are handed over
 *       in memory; each stage's jobs run in a Spark job group named after it. A stage whose result
 *       reports a failure ends the run.</li>
 *   <li><b>Record</b> the run manifest ({@code _runs/<run_id>.json}) with every stage's figures and the
 *       row counts of the tables, whether the run succeeded or not.</li>
 * </ol>
 */
public final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    /** How often a running stage reports its progress on the console. */
    private static final long PROGRESS_SECONDS = 10;

    /** One stage's outcome: its result and how long it took. */
    public record StageReport(String stage, double seconds, StageResult result) {}

    /** What a run did; {@code status} is {@code succeeded} or {@code failed: <why>}. */
    public record RunOutcome(String runId, OutputLayout layout, String status, List<StageReport> stages,
                             List<RunManifest.TableSummary> tables) {
        public boolean succeeded() {
            return status.equals(SUCCEEDED);
        }
    }

    /** The run's identity in the manifest: the command that started it and its input. */
    public record Invocation(String command, String input, boolean full) {}

    static final String SUCCEEDED = "succeeded";

    /** Told when each stage starts and ends (the benchmark measures memory per stage with it). */
    public interface StageObserver {
        default void starting(Stage stage) {}

        default void finished(StageReport report) {}
    }

    private final SparkSession spark;
    private final StageObserver observer;

    public PipelineRunner(SparkSession spark) {
        this(spark, new StageObserver() {});
    }

    public PipelineRunner(SparkSession spark, StageObserver observer) {
        this.spark = spark;
        this.observer = observer;
    }

    /**
     * Runs {@code stages} over {@code output}.
     *
     * @throws IllegalArgumentException a stage reads a table nothing provides (nothing has run)
     * @throws RunLock.HeldException    another run holds the output folder (nothing has run)
     */
    public RunOutcome run(Invocation invocation, String output, List<Stage> stages) {
        return run(invocation, new OutputLayout(output, newRunId(), spark.sparkContext().hadoopConfiguration()),
                stages);
    }

    /** {@link #run(Invocation, String, List)} with a run id of the caller's (tests order runs by it). */
    public RunOutcome run(Invocation invocation, OutputLayout layout, List<Stage> stages) {
        checkInputs(stages, layout);
        try (RunLock lock = RunLock.acquire(layout)) {
            layout.recoverInterruptedRuns();
            return execute(invocation, layout, stages);
        }
    }

    /** Every table a stage needs is written by an earlier stage of the run or already published. */
    static void checkInputs(List<Stage> stages, OutputLayout layout) {
        Set<String> written = new HashSet<>();
        for (Stage stage : stages) {
            for (String table : stage.signature().reads()) {
                if (!written.contains(table) && !layout.tableExists(table)) {
                    throw new IllegalArgumentException("stage " + stage.name() + " reads table " + table
                            + " from --output " + layout.root() + ", which has none: run the stages before it"
                            + " first (or 'run')");
                }
            }
            written.addAll(stage.signature().writes());
        }
    }

    private RunOutcome execute(Invocation invocation, OutputLayout layout, List<Stage> stages) {
        String startedAt = Instant.now().toString();
        RunContext context = new RunContext(spark, layout, invocation.full());
        List<StageReport> reports = new ArrayList<>();
        String status = SUCCEEDED;
        try {
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                LOG.info("run {}: stage {} -> {}", layout.runId(), stage.name(), layout.root());
                context.enter(stage, readBy(stages.subList(i + 1, stages.size())));
                observer.starting(stage);
                long start = System.nanoTime();
                StageResult result;
                try (ProgressReporter progress = new ProgressReporter(spark.sparkContext(), stage.name(),
                        PROGRESS_SECONDS)) {
                    result = stage.execute(context);
                } finally {
                    context.leave();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                StageReport report = new StageReport(stage.name(), seconds, result);
                reports.add(report);
                observer.finished(report);
                LOG.info("stage {} done in {} s: {}", stage.name(), String.format("%.1f", seconds), result);
                Optional<String> failure = result.failure();
                if (failure.isPresent()) {
                    status = "failed: " + failure.get();
                    break;
                }
            }
        } finally {
            context.close();
        }
        List<RunManifest.TableSummary> tables = tableSummaries(layout, context.rowsWritten());
        Map<String, Object> stageFigures = new LinkedHashMap<>();
        reports.forEach(r -> stageFigures.put(r.stage(),
                Map.of("seconds", Math.round(r.seconds() * 10) / 10.0, "result", r.result())));
        new RunManifest(layout.runId(), invocation.command(), invocation.input(), layout.root().toString(),
                spark.sparkContext().master(), startedAt, Instant.now().toString(), status, stageFigures, tables)
                .writeTo(layout);
        return new RunOutcome(layout.runId(), layout, status, List.copyOf(reports), tables);
    }

    /** Tables the given stages read, required or not. */
    private static Set<String> readBy(List<Stage> stages) {
        Set<String> tables = new HashSet<>();
        for (Stage stage : stages) {
            tables.addAll(stage.signature().reads());
            tables.addAll(stage.signature().readsIfPresent());
        }
        return tables;
    }

    /**
     * Every public table under the output folder with its row count: counted by the write for tables this
     * run wrote, from the Parquet footers for the others (written by earlier runs).
     */
    private List<RunManifest.TableSummary> tableSummaries(OutputLayout layout, Map<String, Long> rowsWritten) {
        List<RunManifest.TableSummary> tables = new ArrayList<>();
        for (String name : Tables.ALL) {
            if (!layout.tableExists(name)) {
                continue;
            }
            Long rows = rowsWritten.get(name);
            if (rows == null) {
                spark.sparkContext().setJobDescription("manifest: count table " + name + " (an earlier run's)");
                rows = layout.read(spark, name).count();
            }
            tables.add(new RunManifest.TableSummary(name, layout.table(name), rows));
        }
        return tables;
    }

    private static String newRunId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
