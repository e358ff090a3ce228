package newslens.pipeline;

import java.util.Optional;
import newslens.table.OutputLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a stage is handed by the runner: the Spark session, the run's output layout, its input tables and
 * a way to publish its own. Inputs written by an earlier stage of the same run come as that stage's
 * Dataset (kept on the executors while a later stage needs it), never read back from disk. Tables are named
 * as in {@link newslens.table.Tables}: public tables and internal state alike (the layout keeps state
 * under {@code <output>/_state/}).
 */
public interface StageContext {

    SparkSession spark();

    /** The run's id and output folder. */
    OutputLayout layout();

    /** {@code --full}: recompute everything instead of only what changed. */
    boolean full();

    /**
     * Table {@code name} as this run sees it: what an earlier stage of the run wrote, else the published
     * table under {@code --output}. The runner checked before the run started that one of the two exists.
     */
    Dataset<Row> table(String name);

    /** {@link #table} when it exists in one of those two places, else empty. */
    Optional<Dataset<Row>> tableIfPresent(String name);

    /**
     * Publishes {@code rows} as table {@code name} (columns in the contract's order, staged then moved into
     * place) and returns the rows as later readers of this run get them: computed once and kept on the
     * executors (a local checkpoint, written from there) if a later stage (or
     * {@code keepForThisStage}) reads them, so the write itself fills the cache.
     */
    Dataset<Row> write(String name, Dataset<Row> rows, boolean keepForThisStage);

    default Dataset<Row> write(String name, Dataset<Row> rows) {
        return write(name, rows, false);
    }

    /**
     * Frees rows this stage kept for itself ({@code keepForThisStage}) once it is done with them; rows a
     * later stage reads stay kept until that stage is done.
     */
    void release(Dataset<Row> kept);

    /**
     * Table {@code name} as an earlier run published it, for a stage that writes {@code name} itself and
     * builds on its previous version (incremental runs); empty when there is none. Read it before writing.
     */
    Optional<Dataset<Row>> published(String name);

    /** Rows of table {@code name} as this run wrote it, counted by the write itself. */
    long rowsWritten(String name);

    /** Names the Spark jobs that follow in the UI and event log: {@code "<stage>: <what>"}. */
    void describe(String what);
}
