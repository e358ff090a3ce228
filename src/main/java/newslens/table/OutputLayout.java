package newslens.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Where a run's tables live under {@code --output}, and how a freshly written table replaces the
 * published one. Each stage writes into {@code _staging/<run_id>/<table>} and only then moves the
 * complete folder into place, so a failed write never leaves a half-written table where readers look.
 */
public final class OutputLayout {
    private final Path root;
    private final String runId;
    private final Configuration hadoopConf;

    public OutputLayout(String output, String runId, Configuration hadoopConf) {
        this.root = new Path(output);
        this.runId = runId;
        this.hadoopConf = hadoopConf;
    }

    public String runId() {
        return runId;
    }

    public Path root() {
        return root;
    }

    public String table(String name) {
        return new Path(root, folder(name)).toString();
    }

    /** Internal state is kept apart from the public tables, under {@code <output>/_state/}. */
    public static final String STATE_FOLDER = "_state";

    /** Where table {@code name} lives, relative to the output folder: internal state under {@value #STATE_FOLDER}. */
    public static String folder(String name) {
        return Tables.isState(name) ? STATE_FOLDER + "/" + name : name;
    }

    /** Table {@code name} as published under the output folder. */
    public Dataset<Row> read(SparkSession spark, String name) {
        return spark.read().parquet(table(name));
    }

    public String staging(String name) {
        return new Path(new Path(new Path(root, "_staging"), runId), folder(name)).toString();
    }

    /**
     * A folder for this run's temporary files ({@code what}), inside its staging folder: removed with it
     * when a table is published, and by {@link #recoverInterruptedRuns} after a killed run.
     */
    public Path scratch(String what) {
        return new Path(new Path(new Path(root, "_staging"), runId), "_" + what);
    }

    public Path manifest() {
        return new Path(new Path(root, "_runs"), runId + ".json");
    }

    public boolean tableExists(String name) {
        try {
            Path table = new Path(root, folder(name));
            return fileSystem().exists(new Path(table, "_SUCCESS"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the published table with the staged one: the old folder is moved aside, the new one
     * moved in, the old one deleted. Renames are atomic on HDFS and local disks; on object stores
     * (s3a) they are copies, which is why the staged folder is complete before this starts.
     */
    public void publish(String name) {
        try {
            FileSystem fs = fileSystem();
            Path staged = new Path(staging(name));
            Path published = new Path(root, folder(name));
            Path retired = new Path(new Path(new Path(root, "_retired"), runId), folder(name));
            if (!fs.exists(new Path(staged, "_SUCCESS"))) {
                throw new IllegalStateException("staged table " + staged + " is incomplete (no _SUCCESS)");
            }
            if (fs.exists(published)) {
                fs.mkdirs(retired.getParent());
                rename(fs, published, retired);
            }
            fs.mkdirs(published.getParent());
            rename(fs, staged, published);
            fs.delete(new Path(new Path(root, "_retired"), runId), true);
            fs.delete(new Path(new Path(root, "_staging"), runId), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish table " + name + " under " + root, e);
        }
    }

    /**
     * Finishes what a killed run left: a table moved aside but not replaced is moved back (the
     * previous version stays the published one), and staging and retired folders of dead runs are
     * removed. Call it holding the {@link RunLock}, so no live run owns those folders.
     */
    public void recoverInterruptedRuns() {
        try {
            FileSystem fs = fileSystem();
            Path retiredRoot = new Path(root, "_retired");
            if (fs.exists(retiredRoot)) {
                for (FileStatus run : fs.listStatus(retiredRoot)) {
                    restoreRetired(fs, run.getPath(), root);
                }
                fs.delete(retiredRoot, true);
            }
            fs.delete(new Path(root, "_staging"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not recover the tables under " + root, e);
        }
    }

    /**
     * Writes {@code rows} as table {@code name}, columns in the contract's order, and publishes it:
     * staged first, then moved into place whole.
     */
    public void writeTable(String name, Dataset<Row> rows, StructType schema) {
        writeStaged(name, rows.select(Columns.of(schema)));
        publish(name);
    }

    /** Writes {@code rows} as they are into the staging folder of table {@code name}; {@link #publish} moves it in. */
    public void writeStaged(String name, Dataset<Row> rows) {
        rows.write().mode("overwrite").parquet(staging(name));
    }

    /** Moves back every retired table whose published folder is missing; state tables sit one level down. */
    private static void restoreRetired(FileSystem fs, Path retired, Path published) throws IOException {
        for (FileStatus table : fs.listStatus(retired)) {
            Path target = new Path(published, table.getPath().getName());
            if (table.getPath().getName().equals(STATE_FOLDER)) {
                fs.mkdirs(target);
                restoreRetired(fs, table.getPath(), target);
            } else if (!fs.exists(target)) {
                rename(fs, table.getPath(), target);
            }
        }
    }

    public FileSystem fileSystem() throws IOException {
        return root.getFileSystem(hadoopConf);
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " -> " + to + " failed");
        }
    }
}
