package newslens.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a topic is shown to people. {@code terms} are its most probable words; its label is the words most
 * <em>relevant</em> to it (Sievert and Shirley, LDAvis, 2014): λ·log p(w|t) + (1−λ)·log(p(w|t) / p(w)),
 * a word's probability in the topic traded against its lift over the whole corpus. The most probable words
 * of a topic are often words every topic uses; relevance puts the topic's own words first.
 */
public final class TopicLabels {
    private TopicLabels() {}

    /** Words in a topic's label. */
    public static final int LABEL_TERMS = 3;
    /** Words kept in {@code topics.terms}. */
    public static final int TOP_TERMS = 15;
    /** Words kept per topic and month in {@code topic_terms}. */
    public static final int PERIOD_TERMS = 10;
    /** λ of relevance: 0.6, the weight readers of LDAvis's user study found topics easiest to tell by. */
    public static final double RELEVANCE_LAMBDA = 0.6;

    /**
     * The first {@value #LABEL_TERMS} words of {@code terms} (best first) joined with ", "; entity ids
     * ({@code per:...}) are skipped, since a label is read as words.
     */
    public static String label(List<String> terms) {
        return String.join(", ", terms.stream().filter(term -> !isEntityToken(term)).limit(LABEL_TERMS).toList());
    }

    /**
     * Each topic's term indices by relevance, highest first, at most {@code n}; ties by index. A term never
     * seen in a topic is not among its terms.
     *
     * @param weights a term's weight in each topic, {@code weights[term][topic]} (LDA's topics matrix:
     *                expected token counts, or any weights proportional to them per topic)
     */
    public static List<List<Integer>> byRelevance(double[][] weights, double lambda, int n) {
        int topics = topicCount(weights);
        double[] topicTotals = new double[topics];
        for (double[] termWeights : weights) {
            for (int topic = 0; topic < topics; topic++) {
                topicTotals[topic] += termWeights[topic];
            }
        }
        double[] termShares = termTotals(weights);
        double total = sum(termShares);
        for (int term = 0; term < weights.length; term++) {
            termShares[term] /= total;
        }
        List<List<Integer>> byTopic = new ArrayList<>(topics);
        for (int topic = 0; topic < topics; topic++) {
            List<Integer> terms = new ArrayList<>();
            double[] relevance = new double[weights.length];
            for (int term = 0; term < weights.length; term++) {
                if (weights[term][topic] > 0) {
                    double inTopic = weights[term][topic] / topicTotals[topic];
                    relevance[term] = lambda * Math.log(inTopic) + (1 - lambda) * Math.log(inTopic / termShares[term]);
                    terms.add(term);
                }
            }
            terms.sort(Comparator.<Integer>comparingDouble(term -> -relevance[term]).thenComparing(term -> term));
            byTopic.add(List.copyOf(terms.subList(0, Math.min(n, terms.size()))));
        }
        return byTopic;
    }

    /**
     * The inverse document frequency of class-based TF-IDF (Grootendorst, BERTopic, 2022), with the
     * model's topics as the classes: log(1 + A / f(w)), A the average weight of a topic, f(w) the word's
     * weight over all topics. A word every topic uses scores low; a word of one topic high.
     *
     * @param weights a term's weight in each topic, {@code weights[term][topic]}, as for {@link #byRelevance}
     */
    public static double[] classIdf(double[][] weights) {
        int topics = topicCount(weights);
        double[] termTotals = termTotals(weights);
        double averageTopic = topics == 0 ? 0 : sum(termTotals) / topics;
        double[] idf = new double[weights.length];
        for (int term = 0; term < weights.length; term++) {
            idf[term] = termTotals[term] > 0 ? Math.log(1 + averageTopic / termTotals[term]) : 0;
        }
        return idf;
    }

    private static int topicCount(double[][] weights) {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    /** Each term's weight summed over the topics. */
    private static double[] termTotals(double[][] weights) {
        double[] totals = new double[weights.length];
        for (int term = 0; term < weights.length; term++) {
            totals[term] = sum(weights[term]);
        }
        return totals;
    }

    /** A plain left-to-right sum (the same figures as before this helper, to the last bit). */
    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    /** Entity ids carry a type prefix ({@code per:nguyen_van_an}); words never hold a colon. */
    public static boolean isEntityToken(String term) {
        return term.indexOf(':') > 0;
    }
}
