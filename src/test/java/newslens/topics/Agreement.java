package newslens.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How well a clustering agrees with gold classes: normalised mutual information and purity. */
record Agreement(double nmi, double purity) {

    /** {@code clusters.get(i)} and {@code classes.get(i)} belong to item i. */
    static <C, G> Agreement of(List<C> clusters, List<G> classes) {
        if (clusters.size() != classes.size() || clusters.isEmpty()) {
            throw new IllegalArgumentException("need as many clusters as classes, and some: "
                    + clusters.size() + " vs " + classes.size());
        }
        int n = clusters.size();
        Map<C, Integer> clusterSizes = new HashMap<>();
        Map<G, Integer> classSizes = new HashMap<>();
        Map<C, Map<G, Integer>> joint = new HashMap<>();
        for (int i = 0; i < n; i++) {
            clusterSizes.merge(clusters.get(i), 1, Integer::sum);
            classSizes.merge(classes.get(i), 1, Integer::sum);
            joint.computeIfAbsent(clusters.get(i), c -> new HashMap<>()).merge(classes.get(i), 1, Integer::sum);
        }
        double mutual = 0;
        int majority = 0;
        for (Map.Entry<C, Map<G, Integer>> cluster : joint.entrySet()) {
            int best = 0;
            for (Map.Entry<G, Integer> cell : cluster.getValue().entrySet()) {
                double pJoint = (double) cell.getValue() / n;
                double pCluster = (double) clusterSizes.get(cluster.getKey()) / n;
                double pClass = (double) classSizes.get(cell.getKey()) / n;
                mutual += pJoint * Math.log(pJoint / (pCluster * pClass));
                best = Math.max(best, cell.getValue());
            }
            majority += best;
        }
        double entropies = entropy(clusterSizes, n) + entropy(classSizes, n);
        // Arithmetic-mean normalisation; two single-cluster labelings agree perfectly.
        double nmi = entropies == 0 ? 1.0 : 2 * mutual / entropies;
        return new Agreement(nmi, (double) majority / n);
    }

    private static double entropy(Map<?, Integer> sizes, int n) {
        double h = 0;
        for (int size : sizes.values()) {
            double p = (double) size / n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
