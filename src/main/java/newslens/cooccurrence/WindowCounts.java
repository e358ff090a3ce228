package newslens.cooccurrence;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The windows of some periods, per entity and in all, against which pairs of the same periods are
 * scored ({@link Npmi}). Filled with every window count of a set of periods, then asked about their
 * pairs one at a time, so the pairs can stream past while only the (far fewer) window counts are held.
 */
public final class WindowCounts {

    /** A scope's period; {@code start} is null for {@code all}. */
    public record Period(String scope, String granularity, LocalDate start) {}

    private final Map<Period, Map<String, Long>> perEntity = new HashMap<>();
    private final Map<Period, Long> totals = new HashMap<>();

    /** Windows of the period holding {@code entityId}, or holding any entity when it is null. */
    public void add(Period period, String entityId, long windows) {
        if (entityId == null) {
            totals.merge(period, windows, Long::sum);
        } else {
            perEntity.computeIfAbsent(period, p -> new HashMap<>()).merge(entityId, windows, Long::sum);
        }
    }

    /**
     * npmi of a pair seen in {@code pairWindows} windows of the period.
     *
     * @throws IllegalStateException when the period or either entity has no window count: the pair and
     *                               window counts were not taken from the same articles
     */
    public double npmi(Period period, String entityA, String entityB, long pairWindows) {
        Long total = totals.get(period);
        Map<String, Long> entities = perEntity.getOrDefault(period, Map.of());
        Long windowsA = entities.get(entityA);
        Long windowsB = entities.get(entityB);
        if (total == null || windowsA == null || windowsB == null) {
            throw new IllegalStateException("no window counts for pair " + entityA + " / " + entityB + " in " + period
                    + " (windows: all " + total + ", a " + windowsA + ", b " + windowsB + ")");
        }
        return Npmi.of(pairWindows, windowsA, windowsB, total);
    }
}
