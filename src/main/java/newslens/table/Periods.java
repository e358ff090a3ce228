package newslens.table;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The periods an article counts in, for every "over time" table: its day, ISO week and month when it is
 * dated, and {@code all}. Incremental stages keep counts per <em>base period</em> instead (day, week,
 * month, or the {@link #UNDATED} bucket), from which {@code all} is the sum over months and undated.
 * Each period's first day comes from {@link Granularity#periodStart(Column)}.
 */
public final class Periods {
    private Periods() {}

    /** Base period of undated articles: it feeds {@code all} only. */
    public static final String UNDATED = "undated";

    private static final List<Granularity> DATED = List.of(Granularity.DAY, Granularity.WEEK, Granularity.MONTH);

    /**
     * Each row once under {@code all} and, when its {@code published_date} is set, once per day, week and
     * month, with columns {@code granularity} and {@code period_start}.
     */
    public static Dataset<Row> withPeriods(Dataset<Row> rows) {
        Column date = col("published_date");
        Column all = period(Granularity.ALL.code(), Granularity.ALL.periodStart(date));
        Column withDated = array(all, period(DATED.get(0), date), period(DATED.get(1), date), period(DATED.get(2), date));
        return explodePeriods(rows, when(date.isNull(), array(all)).otherwise(withDated));
    }

    /**
     * Each row once per base period (day, week and month when dated, else the undated bucket), with
     * {@code granularity}, {@code period_start} and {@link #periodKey()} as {@code period_key}.
     */
    public static Dataset<Row> basePeriods(Dataset<Row> rows) {
        Column date = col("published_date");
        Column dated = array(period(DATED.get(0), date), period(DATED.get(1), date), period(DATED.get(2), date));
        Column undated = array(period(UNDATED, lit(null).cast("date")));
        return explodePeriods(rows, when(date.isNull(), undated).otherwise(dated))
                .withColumn("period_key", periodKey());
    }

    /** A join key for (granularity, period_start) that is never null. */
    public static Column periodKey() {
        return concat_ws("/", col("granularity"), coalesce(col("period_start").cast("string"), lit("")));
    }

    private static Dataset<Row> explodePeriods(Dataset<Row> rows, Column periods) {
        return rows.withColumn("period", explode(periods))
                .withColumn("granularity", col("period.granularity"))
                .withColumn("period_start", col("period.period_start"))
                .drop("period");
    }

    private static Column period(Granularity granularity, Column date) {
        return period(granularity.code(), granularity.periodStart(date));
    }

    private static Column period(String granularity, Column start) {
        return struct(lit(granularity).as("granularity"), start.as("period_start"));
    }
}
