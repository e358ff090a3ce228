package newslens.entities.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores predicted entity spans against gold spans: exact match of start, end and type, per type and micro
 * averaged over the scored types, and collects the commonest errors. Feed it article by article with
 * {@link #add}, then read {@link #report}. One instance per evaluation run (it accumulates counts).
 */
public final class NerEvaluator {

    /** A typed span of an article's text, half-open. */
    public record Span(int start, int end, String type) {
    }

    /** Counts of one type (or of all, for micro) and the measures derived from them. */
    public record Scores(String type, int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : (double) a / b;
        }
    }

    /** An error and how often it occurred; {@code key} is {@code TYPE surface} or {@code surface GOLD->PREDICTED}. */
    public record ErrorCount(String key, int count) {
    }

    /** The result: per-type scores, micro scores, and the top errors of each kind. */
    public record Report(Map<String, Scores> byType, Scores micro, List<ErrorCount> falsePositives,
                         List<ErrorCount> falseNegatives, List<ErrorCount> typeConfusions) {

        /** A plain-text table and error lists, for logs. */
        public String format() {
            StringBuilder out = new StringBuilder(String.format("%-6s %7s %7s %7s %6s %6s %6s%n",
                    "type", "P", "R", "F1", "tp", "fp", "fn"));
            List<Scores> rows = new ArrayList<>(byType.values());
            rows.add(micro);
            for (Scores s : rows) {
                out.append(String.format("%-6s %7.4f %7.4f %7.4f %6d %6d %6d%n", s.type(), s.precision(), s.recall(),
                        s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives()));
            }
            appendErrors(out, "false positives", falsePositives);
            appendErrors(out, "false negatives", falseNegatives);
            appendErrors(out, "type confusions (gold->predicted)", typeConfusions);
            return out.toString();
        }

        private static void appendErrors(StringBuilder out, String title, List<ErrorCount> errors) {
            out.append(title).append(":\n");
            for (ErrorCount e : errors) {
                out.append(String.format("  %5d  %s%n", e.count(), e.key()));
            }
        }
    }

    private final Set<String> scoredTypes;
    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<String, Integer> falsePositives = new HashMap<>();
    private final Map<String, Integer> falseNegatives = new HashMap<>();
    private final Map<String, Integer> confusions = new HashMap<>();

    /** @param scoredTypes the types that count (e.g. PER, LOC, ORG); spans of other types are ignored */
    public NerEvaluator(Set<String> scoredTypes) {
        this.scoredTypes = Set.copyOf(scoredTypes);
        scoredTypes.forEach(t -> counts.put(t, new int[3]));
    }

    /** Adds one article: {@code text} only serves to name errors by their surface. */
    public void add(String text, List<Span> gold, List<Span> predicted) {
        Set<Span> goldSet = filter(gold);
        Set<Span> predictedSet = filter(predicted);
        Map<String, String> goldTypeByRange = new HashMap<>();
        goldSet.forEach(s -> goldTypeByRange.put(s.start() + ":" + s.end(), s.type()));
        for (Span p : predictedSet) {
            String surface = text.substring(p.start(), p.end());
            if (goldSet.contains(p)) {
                counts.get(p.type())[0]++;
            } else {
                counts.get(p.type())[1]++;
                falsePositives.merge(p.type() + " " + surface, 1, Integer::sum);
                String goldType = goldTypeByRange.get(p.start() + ":" + p.end());
                if (goldType != null) {
                    confusions.merge(surface + " " + goldType + "->" + p.type(), 1, Integer::sum);
                }
            }
        }
        for (Span g : goldSet) {
            if (!predictedSet.contains(g)) {
                counts.get(g.type())[2]++;
                falseNegatives.merge(g.type() + " " + text.substring(g.start(), g.end()), 1, Integer::sum);
            }
        }
    }

    /** A predicted span of a scored type that could not be placed in the article: a false positive. */
    public void addUnplaced(String type, String surface) {
        if (scoredTypes.contains(type)) {
            counts.get(type)[1]++;
            falsePositives.merge(type + " " + surface + " (not traced to the file)", 1, Integer::sum);
        }
    }

    public Report report(int topErrors) {
        Map<String, Scores> byType = new LinkedHashMap<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            byType.put(e.getKey(), new Scores(e.getKey(), c[0], c[1], c[2]));
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        return new Report(byType, new Scores("micro", tp, fp, fn), top(falsePositives, topErrors),
                top(falseNegatives, topErrors), top(confusions, topErrors));
    }

    private Set<Span> filter(List<Span> spans) {
        Set<Span> result = new HashSet<>();
        for (Span s : spans) {
            if (scoredTypes.contains(s.type())) {
                result.add(s);
            }
        }
        return result;
    }

    private static List<ErrorCount> top(Map<String, Integer> errors, int n) {
        return errors.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(e -> new ErrorCount(e.getKey(), e.getValue()))
                .toList();
    }
}
