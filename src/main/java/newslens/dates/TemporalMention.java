package newslens.dates;

import java.io.Serializable;
import java.util.Map;

/**
 * A temporal expression found in a text. Offsets are Java {@code String} indices, end exclusive.
 * Fields the expression does not state are null: {@code Sáng 28-6} has no year, {@code hôm qua} has no day.
 *
 * @param month       for a {@link #QUARTER}, the quarter's first month: see {@link #quarter()}
 * @param granularity the finest unit stated: {@link #DAY}, {@link #MONTH}, {@link #YEAR}, {@link #QUARTER},
 *                    {@link #TIME} (an hour is stated), or {@link #RELATIVE} (only a relative day or a weekday)
 * @param partOfDay   the canonical part of day ({@code sáng}, {@code trưa}, {@code chiều}, {@code tối},
 *                    {@code đêm}, {@code rạng sáng}) or null
 * @param relative    {@link #TODAY}, {@link #YESTERDAY}, {@link #DAY_BEFORE_YESTERDAY}, {@link #TOMORROW},
 *                    {@code weekday:TUESDAY} (the latest such day on or before the publication date),
 *                    {@code weekday_next:TUESDAY} (the next one after it), or null
 */
public record TemporalMention(int start, int end, String surface, Integer year, Integer month, Integer day,
                              Integer hour, Integer minute, String granularity, String partOfDay,
                              String relative) implements Serializable {

    public static final String DAY = "day";
    public static final String MONTH = "month";
    public static final String YEAR = "year";
    public static final String QUARTER = "quarter";
    public static final String TIME = "time";
    public static final String RELATIVE = "relative";

    public static final String TODAY = "today";
    public static final String YESTERDAY = "yesterday";
    public static final String DAY_BEFORE_YESTERDAY = "day_before_yesterday";
    public static final String TOMORROW = "tomorrow";
    public static final String WEEKDAY_PREFIX = "weekday:";
    public static final String NEXT_WEEKDAY_PREFIX = "weekday_next:";

    /** Days from the publication date to the day each relative name denotes. */
    public static final Map<String, Integer> RELATIVE_DAY_OFFSETS =
            Map.of(TODAY, 0, YESTERDAY, -1, DAY_BEFORE_YESTERDAY, -2, TOMORROW, 1);

    /** The quarter 1..4 of a {@link #QUARTER} mention, else null. */
    public Integer quarter() {
        return QUARTER.equals(granularity) && month != null ? (month - 1) / 3 + 1 : null;
    }

    /** True when the mention names a calendar day (possibly without its year). */
    public boolean hasDayAndMonth() {
        return day != null && month != null;
    }
}
