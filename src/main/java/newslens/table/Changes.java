package newslens.table;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How an incremental stage tells what changed since its last run: it records, in its internal state,
 * the rows that identify what it processed (a file's path, size and time; an article's id, content hash
 * and recogniser version; ...), and compares this run's rows with them on those columns.
 */
public final class Changes {
    private Changes() {}

    /** Rows of {@code current} recorded identically (on {@code columns}) last time: their results can be kept. */
    public static Dataset<Row> unchanged(Dataset<Row> current, Dataset<Row> recorded, String... columns) {
        return current.join(recorded.select(Columns.named(columns)), Columns.joinKeys(columns), "left_semi");
    }

    /** Rows of {@code current} not recorded identically (on {@code columns}) last time: new or changed. */
    public static Dataset<Row> newOrChanged(Dataset<Row> current, Dataset<Row> recorded, String... columns) {
        return current.join(recorded.select(Columns.named(columns)), Columns.joinKeys(columns), "left_anti");
    }

    /**
     * Rows in one of the two but not identically in both (whole rows compared): what appeared, changed or
     * disappeared. Both must have the same columns in the same order.
     */
    public static Dataset<Row> differences(Dataset<Row> current, Dataset<Row> recorded) {
        return current.exceptAll(recorded).union(recorded.exceptAll(current));
    }
}
