package newslens.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import newslens.text.WordSegmenter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Learns multi-syllable words from the corpus itself: adjacent units that occur together far more
 * often than chance (NPMI) become one word. Each pass segments the corpus with the words known so
 * far and pairs adjacent units, so pass 1 finds 2-syllable words, pass 2 joins them into 3–4
 * syllable ones, and so on. Counting is distributed; only the accepted pairs reach the driver.
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
        UserDefinedFunction phrasesOf = udf((UDF1<String, List<List<String>>>) segmenter::segmentPhrases,
                DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType)));
        Dataset<Row> phrases = texts.select(explode(phrasesOf.apply(col("text"))).as("phrase"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row totals = phrases.agg(sum(size(col("phrase"))).as("units"),
                    sum(size(col("phrase")).minus(1)).as("pairs")).first();
            if (totals.isNullAt(0) || totals.getLong(1) == 0) {
                return List.of();
            }
            long totalUnits = totals.getLong(0);
            long totalPairs = totals.getLong(1);
            Dataset<Row> units = phrases.select(explode(col("phrase")).as("unit")).groupBy("unit").count();
            Dataset<Row> pairs = phrases.filter(size(col("phrase")).geq(2))
                    .select(explode(expr("transform(sequence(0, size(phrase) - 2), "
                            + "i -> named_struct('a', phrase[i], 'b', phrase[i + 1]))")).as("pair"))
                    .groupBy(col("pair.a").as("a"), col("pair.b").as("b")).count()
                    .filter(col("count").geq(minCount));
            UserDefinedFunction npmi = udf((UDF3<Long, Long, Long, Double>) (ab, a, b) ->
                    Collocations.npmi(ab, a, b, totalPairs, totalUnits), DataTypes.DoubleType);
            List<Row> strong = pairs
                    .join(units.withColumnRenamed("unit", "a").withColumnRenamed("count", "count_a"), "a")
                    .join(units.withColumnRenamed("unit", "b").withColumnRenamed("count", "count_b"), "b")
                    .filter(npmi.apply(col("count"), col("count_a"), col("count_b")).geq(minNpmi))
                    .select("a", "b")
                    .collectAsList();
            List<String> accepted = new ArrayList<>();
            for (Row row : strong) {
                if (Collocations.mayJoin(row.getString(0), row.getString(1), stopWords)) {
                    accepted.add(row.getString(0) + " " + row.getString(1));
                }
            }
            accepted.sort(null);
            return accepted;
        } finally {
            phrases.unpersist();
        }
    }
}
