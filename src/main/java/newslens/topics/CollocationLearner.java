package newslens.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import newslens.text.WordSegmenter;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Learns multi-syllable words from the corpus itself: adjacent units that occur together far more
 * often than chance (NPMI) become one word. Each pass segments the corpus with the words known so
 * far and pairs adjacent units, so pass 1 finds 2-syllable words, pass 2 joins them into 3–4
 * syllable ones, and so on. Counting is distributed: each partition counts its units and pairs in a
 * map, the maps are summed by key, and the driver receives the unit counts and the pairs seen at least
 * {@code minCount} times (a fit reads at most {@code topics.maxFitArticles} articles, so both stay
 * small). One Spark job a pass: on a few hundred articles, the jobs' own cost was most of the time.
 */
final class CollocationLearner {

    private final int passes;
    private final long minCount;
    private final double minNpmi;
    private final StopWords stopWords;

    CollocationLearner(int passes, long minCount, double minNpmi, StopWords stopWords) {
        this.passes = passes;
        this.minCount = minCount;
        this.minNpmi = minNpmi;
        this.stopWords = stopWords;
    }

    /** The words learned from column {@code text} of {@code texts}, on top of what {@code base} knows. */
    List<String> learn(Dataset<Row> texts, WordSegmenter base) {
        List<String> learned = new ArrayList<>();
        WordSegmenter segmenter = base;
        for (int pass = 0; pass < passes; pass++) {
            List<String> found = pass(texts, segmenter);
            if (found.isEmpty()) {
                break;
            }
            learned.addAll(found);
            segmenter = segmenter.plus(found);
        }
        return learned;
    }

    private List<String> pass(Dataset<Row> texts, WordSegmenter segmenter) {
        long minCount = this.minCount;
        JavaRDD<String> text = texts.select("text").as(Encoders.STRING()).javaRDD();
        Map<String, Long> counts = text
                .mapPartitionsToPair(partition -> countUnitsAndPairs(partition, segmenter))
                .reduceByKey(Long::sum)
                .filter(count -> !count._1().startsWith(PAIR) || count._2() >= minCount)
                .collectAsMap();
        long totalUnits = counts.getOrDefault(TOTAL_UNITS, 0L);
        long totalPairs = counts.getOrDefault(TOTAL_PAIRS, 0L);
        if (totalPairs == 0) {
            return List.of();
        }
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            if (!count.getKey().startsWith(PAIR)) {
                continue;
            }
            String[] pair = count.getKey().substring(PAIR.length()).split(SEPARATOR, 2);
            double npmi = Collocations.npmi(count.getValue(), counts.get(UNIT + pair[0]), counts.get(UNIT + pair[1]),
                    totalPairs, totalUnits);
            if (npmi >= minNpmi && Collocations.mayJoin(pair[0], pair[1], stopWords)) {
                accepted.add(pair[0] + " " + pair[1]);
            }
        }
        accepted.sort(null);
        return accepted;
    }

    // Keys of the counts: a unit, a pair of adjacent units, and the two totals. Units never hold the separator.
    private static final String SEPARATOR = "\u0001";
    private static final String UNIT = "u" + SEPARATOR;
    private static final String PAIR = "p" + SEPARATOR;
    private static final String TOTAL_UNITS = "units";
    private static final String TOTAL_PAIRS = "pairs";

    /** One partition's texts segmented into phrases: how often each unit and each adjacent pair occurs. */
    private static Iterator<Tuple2<String, Long>> countUnitsAndPairs(Iterator<String> texts, WordSegmenter segmenter) {
        Map<String, Long> counts = new HashMap<>();
        while (texts.hasNext()) {
            for (List<String> phrase : segmenter.segmentPhrases(texts.next())) {
                for (int i = 0; i < phrase.size(); i++) {
                    counts.merge(UNIT + phrase.get(i), 1L, Long::sum);
                    if (i > 0) {
                        counts.merge(PAIR + phrase.get(i - 1) + SEPARATOR + phrase.get(i), 1L, Long::sum);
                    }
                }
                counts.merge(TOTAL_UNITS, (long) phrase.size(), Long::sum);
                counts.merge(TOTAL_PAIRS, (long) Math.max(0, phrase.size() - 1), Long::sum);
            }
        }
        return counts.entrySet().stream().map(count -> new Tuple2<>(count.getKey(), count.getValue())).iterator();
    }
}
