package newslens.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which topics of a refit are the previous model's topics again, so that they keep their ids.
 *
 * <p>The algorithm: the similarity of a fitted topic and a previous one is the cosine of their term
 * distributions, terms matched by their text (the two models' vocabularies differ). Pairs are taken
 * greedily, most similar first, each topic at most once, while the similarity is at least the
 * threshold: such a fitted topic is {@code kept} and takes the previous topic's id. A fitted topic left
 * over is {@code new} and takes the next unused id (ids are never reused, so a retired topic's history
 * never mixes with another's). A previous topic left over is {@code merged} into the fitted topic it is
 * most similar to when that similarity reaches the threshold (the refit joined it with another), else
 * {@code retired}. Greedy rather than an optimal assignment: the most certain matches are never traded
 * for a higher total.
 */
public final class TopicLineage {
    private TopicLineage() {}

    public static final String KEPT = "kept";
    public static final String NEW = "new";
    public static final String MERGED = "merged";
    public static final String RETIRED = "retired";

    /**
     * One row of table {@code topic_lineage} for a model: {@code topicId} is the fitted topic's id (null
     * when retired), {@code previousTopicId} the previous model's topic (null when new), and
     * {@code similarity} their cosine (for new and retired topics: the best found, under the threshold).
     */
    public record Link(Integer topicId, Integer previousTopicId, Double similarity, String kind) {}

    /**
     * The ids of a model's topics by LDA index, the next id a later refit may give, and how the topics
     * relate to the previous model's.
     */
    public record Ids(List<Integer> topicIds, int nextTopicId, List<Link> links) {
        public Ids {
            topicIds = List.copyOf(topicIds);
            links = List.copyOf(links);
        }
    }

    /** The first model of an output: topic ids 0 … k-1, all new. */
    public static Ids first(int k) {
        List<Integer> ids = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int topic = 0; topic < k; topic++) {
            ids.add(topic);
            links.add(new Link(topic, null, null, NEW));
        }
        return new Ids(ids, k, links);
    }

    /**
     * The ids of {@code fitted} topics given the {@code previous} model's topics, their ids and the next
     * free id. Each topic is a map term → weight (any scale: cosine ignores it).
     */
    public static Ids match(List<Map<String, Double>> previous, List<Integer> previousIds, int nextFreeId,
            List<Map<String, Double>> fitted, double minSimilarity) {
        if (previous.size() != previousIds.size()) {
            throw new IllegalArgumentException(previous.size() + " previous topics but " + previousIds.size() + " ids");
        }
        double[][] similarity = new double[fitted.size()][previous.size()];
        List<int[]> pairs = new ArrayList<>();
        for (int now = 0; now < fitted.size(); now++) {
            for (int before = 0; before < previous.size(); before++) {
                similarity[now][before] = cosine(fitted.get(now), previous.get(before));
                pairs.add(new int[] {now, before});
            }
        }
        pairs.sort(Comparator.<int[]>comparingDouble(pair -> -similarity[pair[0]][pair[1]])
                .thenComparingInt(pair -> pair[0]).thenComparingInt(pair -> pair[1]));

        int[] matchOfFitted = new int[fitted.size()];
        boolean[] previousTaken = new boolean[previous.size()];
        Arrays.fill(matchOfFitted, -1);
        for (int[] pair : pairs) {
            if (similarity[pair[0]][pair[1]] < minSimilarity) {
                break;
            }
            if (matchOfFitted[pair[0]] < 0 && !previousTaken[pair[1]]) {
                matchOfFitted[pair[0]] = pair[1];
                previousTaken[pair[1]] = true;
            }
        }

        List<Integer> ids = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        int nextId = nextFreeId;
        for (int now = 0; now < fitted.size(); now++) {
            int before = matchOfFitted[now];
            if (before >= 0) {
                ids.add(previousIds.get(before));
                links.add(new Link(previousIds.get(before), previousIds.get(before), similarity[now][before], KEPT));
            } else {
                ids.add(nextId);
                links.add(new Link(nextId, null, best(similarity[now]), NEW));
                nextId++;
            }
        }
        for (int before = 0; before < previous.size(); before++) {
            if (previousTaken[before]) {
                continue;
            }
            int closest = -1;
            for (int now = 0; now < fitted.size(); now++) {
                if (closest < 0 || similarity[now][before] > similarity[closest][before]) {
                    closest = now;
                }
            }
            double closeness = closest < 0 ? 0 : similarity[closest][before];
            links.add(closeness >= minSimilarity
                    ? new Link(ids.get(closest), previousIds.get(before), closeness, MERGED)
                    : new Link(null, previousIds.get(before), closeness, RETIRED));
        }
        return new Ids(ids, nextId, links);
    }

    /** The cosine of two term-weight maps; 0 when either is empty. */
    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> smaller = a.size() <= b.size() ? a : b;
        Map<String, Double> larger = smaller == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> term : smaller.entrySet()) {
            Double other = larger.get(term.getKey());
            if (other != null) {
                dot += term.getValue() * other;
            }
        }
        double norms = Math.sqrt(squares(a) * squares(b));
        return norms == 0 ? 0 : dot / norms;
    }

    private static double squares(Map<String, Double> weights) {
        double sum = 0;
        for (double weight : weights.values()) {
            sum += weight * weight;
        }
        return sum;
    }

    private static double best(double[] similarities) {
        double best = 0;
        for (double similarity : similarities) {
            best = Math.max(best, similarity);
        }
        return best;
    }
}
