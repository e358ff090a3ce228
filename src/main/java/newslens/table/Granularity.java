package newslens.table;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The time buckets of every "over time" table: {@code period_start} is the first day of the
 * bucket (weeks are ISO weeks, starting on Monday), and null for {@code all}.
 */
public enum Granularity {
    ALL, DAY, WEEK, MONTH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** First day of the period holding {@code date}; null for ALL (and for an undated article). */
    public LocalDate periodStart(LocalDate date) {
        if (this == ALL || date == null) {
            return null;
        }
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case ALL -> null;
        };
    }

    /** {@link #periodStart(LocalDate)} as a Spark column over a date column, the same rule for Datasets. */
    public Column periodStart(Column date) {
        return switch (this) {
            case ALL -> functions.lit(null).cast("date");
            case DAY -> date;
            case WEEK -> functions.to_date(functions.date_trunc("week", date));
            case MONTH -> functions.to_date(functions.date_trunc("month", date));
        };
    }
}
