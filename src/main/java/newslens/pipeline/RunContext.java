package newslens.pipeline;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newslens.table.Columns;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * The {@link StageContext} of one run. It remembers what each stage published, so a later stage of the
 * same run gets those rows without reading them back, and counts every table's rows as it is written
 * (an observed metric of the write job itself, not a second job over the table).
 *
 * <p>A published table is kept (checkpointed on the executors) only when a later stage declares it reads
 * it, and released after its last reader. A stage may read only what its
 * {@link Stage#signature()} declares.
 */
final class RunContext implements StageContext {
    private final SparkSession spark;
    private final OutputLayout layout;
    private final boolean full;
    /** Tables published by this run's stages that a later stage reads, as those readers get them. */
    private final Map<String, Dataset<Row>> handedOver = new HashMap<>();
    /** Rows of every table this run wrote (public and state), in the order written. */
    private final Map<String, Long> rowsWritten = new LinkedHashMap<>();

    private Stage current;
    private Set<String> readLater = Set.of();

    RunContext(SparkSession spark, OutputLayout layout, boolean full) {
        this.spark = spark;
        this.layout = layout;
        this.full = full;
    }

    /** The stage about to run, and the tables stages after it read. */
    void enter(Stage stage, Set<String> readByLaterStages) {
        this.current = stage;
        this.readLater = Set.copyOf(readByLaterStages);
        spark.sparkContext().setJobGroup(stage.name(), stage.name(), false);
    }

    /** Releases the kept tables no stage after the current one reads. */
    void leave() {
        handedOver.entrySet().removeIf(entry -> {
            if (readLater.contains(entry.getKey())) {
                return false;
            }
            free(entry.getValue());
            return true;
        });
        spark.sparkContext().clearJobGroup();
        current = null;
    }

    /** Releases everything still kept (the run ended or failed). */
    void close() {
        handedOver.values().forEach(RunContext::free);
        handedOver.clear();
    }

    @Override
    public void release(Dataset<Row> kept) {
        if (!handedOver.containsValue(kept)) {
            free(kept);
        }
    }

    /** Frees the executors' blocks of a kept table (a local checkpoint is an RDD's cached blocks). */
    private static void free(Dataset<Row> kept) {
        if (kept.logicalPlan() instanceof LogicalRDD checkpointed) {
            checkpointed.rdd().unpersist(false);
        } else {
            kept.unpersist();
        }
    }

    /** Row counts of the tables this run wrote. */
    Map<String, Long> rowsWritten() {
        return Map.copyOf(rowsWritten);
    }

    @Override
    public long rowsWritten(String name) {
        Long rows = rowsWritten.get(name);
        if (rows == null) {
            throw new IllegalStateException("table " + name + " was not written by this run");
        }
        return rows;
    }

    /** True when this run published {@code name} (in memory for later stages or not). */
    boolean wrote(String name) {
        return rowsWritten.containsKey(name);
    }

    @Override
    public SparkSession spark() {
        return spark;
    }

    @Override
    public OutputLayout layout() {
        return layout;
    }

    @Override
    public boolean full() {
        return full;
    }

    @Override
    public Dataset<Row> table(String name) {
        return tableIfPresent(name).orElseThrow(() -> new IllegalStateException("stage " + current.name()
                + " reads table " + name + ", which neither an earlier stage of this run nor --output "
                + layout.root() + " has"));
    }

    @Override
    public Optional<Dataset<Row>> tableIfPresent(String name) {
        if (current != null && !current.signature().mayRead(name)) {
            throw new IllegalStateException("stage " + current.name() + " reads table " + name
                    + " without declaring it in its signature");
        }
        Dataset<Row> kept = handedOver.get(name);
        if (kept != null) {
            return Optional.of(kept);
        }
        if (wrote(name)) {
            throw new IllegalStateException("table " + name + " was written earlier in this run but not kept for "
                    + current.name() + ": the runner's read plan is wrong");
        }
        return layout.tableExists(name) ? Optional.of(layout.read(spark, name)) : Optional.empty();
    }

    @Override
    public Dataset<Row> write(String name, Dataset<Row> rows, boolean keepForThisStage) {
        if (current != null && !current.signature().writes().contains(name)) {
            throw new IllegalStateException("stage " + current.name() + " writes table " + name
                    + " without declaring it in its signature");
        }
        boolean keep = keepForThisStage || readLater.contains(name);
        Dataset<Row> published = publish(name, rows, keep);
        if (readLater.contains(name)) {
            handedOver.put(name, published);
        }
        return published;
    }

    @Override
    public Optional<Dataset<Row>> published(String name) {
        if (current != null && !current.signature().writes().contains(name)) {
            throw new IllegalStateException("stage " + current.name() + " asks for the previous version of "
                    + name + ", which it does not write");
        }
        if (wrote(name)) {
            throw new IllegalStateException("stage " + current.name() + " asks for the previous version of "
                    + name + " after this run replaced it");
        }
        return layout.tableExists(name) ? Optional.of(layout.read(spark, name)) : Optional.empty();
    }

    /** The row count the write job observed; it is reported when the job ends, so this returns at once. */
    private static long observedRows(Observation written, String name) {
        try {
            return ((Number) written.getAsJava().get("rows")).longValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the rows of table " + name, e);
        }
    }

    @Override
    public void describe(String what) {
        spark.sparkContext().setJobDescription(current == null ? what : current.name() + ": " + what);
    }

    /**
     * Writes the rows in the contract's column order, counting them in the same job, and publishes them.
     * Kept rows are computed once into the executors' block stores first (a local checkpoint, memory and
     * disk) and written from there: a checkpoint also cuts the lineage, where a cached Dataset would carry
     * every earlier stage's plan into each later plan (Spark prints a cached plan whole in every plan
     * description, which took minutes per query by the third stage).
     */
    private Dataset<Row> publish(String name, Dataset<Row> rows, boolean keep) {
        Dataset<Row> ordered = rows.select(Columns.of(Tables.schemaOf(name)));
        if (keep) {
            describe("keep " + name + " for the stages after this one");
            ordered = ordered.localCheckpoint(true);
        }
        Observation written = new Observation(name + " rows");
        layout.writeStaged(name, ordered.observe(written, count(lit(1)).as("rows")));
        layout.publish(name);
        rowsWritten.put(name, observedRows(written, name));
        return ordered;
    }
}
