package newslens.tools;

import java.nio.file.Path;
import java.util.Map;
import newslens.app.CommandLine;
import newslens.app.Sessions;
import newslens.tools.bench.Benchmark;
import newslens.tools.generate.CorpusGenerator;
import newslens.tools.generate.GeneratedCorpus;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the tools around the job ({@code jobs/newslens bench} and {@code generate}): the job
 * itself never depends on them.
 */
public final class ToolsMain {
    private ToolsMain() {}

    public static void main(String[] args) {
        CommandLine.runAndExit(args, ToolsMain::run);
    }

    static int run(CommandLine cli) {
        switch (cli.command()) {
            case "generate" -> {
                GeneratedCorpus corpus = CorpusGenerator.generate(
                        Path.of(cli.required("output", "the corpus folder")), cli.intOption("docs", 10_000),
                        cli.option("format") == null ? "jsonl" : cli.option("format"), cli.intOption("days", 60),
                        cli.intOption("seed", 1));
                System.out.printf("newslens generate: %d articles (%s, %d files, %.1f MB, %d planted mentions) in %s;"
                                + " ground truth in %s%n", corpus.docs(), corpus.format(), corpus.files(),
                        corpus.bytes() / 1e6, corpus.mentions(), corpus.root(), corpus.truth());
                return 0;
            }
            case "bench" -> {
                cli.required("input", "the corpus to measure on");
                Path input = cli.existing("input");
                Path work = Path.of(cli.required("output", "a work folder for the benchmark's tables and report"));
                // Executors report their heap peaks with each task; polled often, short tasks have one too.
                SparkSession spark = Sessions.getOrCreate(cli.option("master"),
                        Map.of("spark.executor.metrics.pollingInterval", "200ms"));
                System.out.print(Benchmark.run(spark, input, work).table());
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown tool '" + cli.command() + "' (tools: bench, generate)");
        }
    }
}
