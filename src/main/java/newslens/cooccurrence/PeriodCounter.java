package newslens.cooccurrence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import newslens.table.Granularity;

/**
 * Sums the counts of articles that arrive in date order (undated first) into base periods: day, ISO
 * week (from Monday), month, and one {@code undated} bucket. Only the periods in progress are held; a
 * period is emitted when the dates move past it. The first and the last period of each granularity may
 * also hold articles that another counter saw (the input is one range of dates among several), so they
 * are emitted with {@code complete} false and must be summed with their other parts; every other
 * period lies wholly inside this counter's input.
 */
public final class PeriodCounter {

    /** Base period of undated articles. */
    public static final String UNDATED = "undated";

    public enum Kind { FREQUENCY, WINDOWS, PAIRS }

    /**
     * A state row. {@code FREQUENCY}: entityA, nDocs, nMentions; {@code WINDOWS}: scope, entityA (null:
     * windows holding any entity), nWindows; {@code PAIRS}: scope, entityA, entityB, nWindows, nDocs.
     */
    public record Count(Kind kind, String scope, String granularity, LocalDate periodStart, String entityA,
                        String entityB, long nWindows, long nDocs, long nMentions, boolean complete) {}

    private record Key(String scope, String entityA, String entityB) {}

    /** The counts of one period in progress. */
    private static final class Period {
        final String granularity;
        final LocalDate start;
        final boolean first;
        final Map<String, long[]> frequency = new HashMap<>();
        final Map<Key, long[]> windows = new HashMap<>();
        final Map<Key, long[]> pairs = new HashMap<>();

        Period(String granularity, LocalDate start, boolean first) {
            this.granularity = granularity;
            this.start = start;
            this.first = first;
        }

        void add(ArticleCounts counts) {
            counts.mentionsPerEntity().forEach((entity, n) -> {
                long[] c = frequency.computeIfAbsent(entity, e -> new long[2]);
                c[0]++;
                c[1] += n;
            });
            for (ArticleCounts.Scope scope : counts.scopes()) {
                if (scope.windows() == 0) {
                    continue;
                }
                windows.computeIfAbsent(new Key(scope.scope(), null, null), k -> new long[1])[0] += scope.windows();
                scope.windowsPerEntity().forEach((entity, n) ->
                        windows.computeIfAbsent(new Key(scope.scope(), entity, null), k -> new long[1])[0] += n);
                for (ArticleCounts.Pair pair : scope.pairs()) {
                    long[] c = pairs.computeIfAbsent(new Key(scope.scope(), pair.entityA(), pair.entityB()),
                            k -> new long[2]);
                    c[0] += pair.windows();
                    c[1]++;
                }
            }
        }

        void emit(boolean complete, List<Count> out) {
            frequency.forEach((entity, c) -> out.add(new Count(Kind.FREQUENCY, ArticleCounts.DOCUMENT, granularity,
                    start, entity, null, 0, c[0], c[1], complete)));
            windows.forEach((k, c) -> out.add(new Count(Kind.WINDOWS, k.scope(), granularity, start, k.entityA(),
                    null, c[0], 0, 0, complete)));
            pairs.forEach((k, c) -> out.add(new Count(Kind.PAIRS, k.scope(), granularity, start, k.entityA(),
                    k.entityB(), c[0], c[1], 0, complete)));
        }
    }

    private static final Granularity[] BASE = {Granularity.DAY, Granularity.WEEK, Granularity.MONTH};

    private final Map<String, Period> current = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private LocalDate lastDate;
    private boolean sawDated;

    /**
     * Adds one article's counts; returns the counts of the periods it closed (often none).
     *
     * @throws IllegalArgumentException when the article is dated earlier than one before it
     */
    public List<Count> add(LocalDate published, ArticleCounts counts) {
        if (published == null ? sawDated : lastDate != null && published.isBefore(lastDate)) {
            throw new IllegalArgumentException("articles must arrive in date order, undated first: " + published
                    + " after " + (lastDate == null ? "dated articles" : lastDate));
        }
        List<Count> closed = new ArrayList<>();
        if (published == null) {
            period(UNDATED, null, closed).add(counts);
            return closed;
        }
        sawDated = true;
        lastDate = published;
        for (Granularity granularity : BASE) {
            period(granularity.code(), granularity.periodStart(published), closed).add(counts);
        }
        return closed;
    }

    /** The periods still open: the last of each granularity, which may continue in other input. */
    public List<Count> finish() {
        List<Count> out = new ArrayList<>();
        current.values().forEach(p -> p.emit(false, out));
        current.clear();
        return out;
    }

    private Period period(String granularity, LocalDate start, List<Count> closed) {
        Period open = current.get(granularity);
        if (open != null && Objects.equals(open.start, start)) {
            return open;
        }
        if (open != null) {
            open.emit(!open.first, closed);
        }
        Period next = new Period(granularity, start, seen.add(granularity));
        current.put(granularity, next);
        return next;
    }
}
