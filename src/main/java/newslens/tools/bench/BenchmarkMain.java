package newslens.tools.bench;

import newslens.tools.generate.CorpusGenerator;
import newslens.tools.generate.GeneratedCorpus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import newslens.app.Sessions;
import org.apache.spark.sql.SparkSession;

/**
 * Generates a synthetic corpus (unless {@code --input} names one) and benchmarks it:
 * <pre>
 * spark-submit --master local[2] --driver-memory 4g --class newslens.tools.bench.BenchmarkMain newslens.jar \
 *     --work /tmp/bench --docs 10000 --format jsonl [--days 60] [--seed 1] [--input DIR]
 * </pre>
 * The corpus goes to {@code <work>/corpus}, tables to {@code <work>/tables}, the report to
 * {@code <work>/bench-report.json}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Path work = Path.of(options.getOrDefault("work", "bench-work"));
        Path input;
        if (options.containsKey("input")) {
            input = Path.of(options.get("input"));
        } else {
            GeneratedCorpus corpus = CorpusGenerator.generate(work.resolve("corpus"),
                    Integer.parseInt(options.getOrDefault("docs", "10000")), options.getOrDefault("format", "jsonl"),
                    Integer.parseInt(options.getOrDefault("days", "60")),
                    Long.parseLong(options.getOrDefault("seed", "1")));
            System.out.printf("generated %d %s articles in %d files (%.1f MB, %d planted mentions) in %.1f s -> %s%n",
                    corpus.docs(), corpus.format(), corpus.files(), corpus.bytes() / 1e6, corpus.mentions(),
                    corpus.millis() / 1e3, corpus.root());
            input = corpus.root();
        }
        SparkSession spark = Sessions.getOrCreate(null);
        try {
            System.out.print(Benchmark.run(spark, input, work).table());
        } finally {
            spark.stop();
        }
    }
}
