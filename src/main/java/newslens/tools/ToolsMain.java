package newslens.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import newslens.app.CommandLine;
import newslens.app.Sessions;
import newslens.tools.bench.Benchmark;
import newslens.tools.generate.BurstPlan;
import newslens.tools.generate.CorpusGenerator;
import newslens.tools.generate.GeneratedCorpus;
import newslens.tools.generate.NearCopyPlan;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the tools around the job ({@code jobs/newslens bench} and {@code generate}): the job
 * itself never depends on them.
 *
 * <p>Besides the job's options, {@code generate} takes {@code --copy-rate R} (the share of articles that are
 * another outlet's near-copy of an earlier one, in [0, 1); default 0, no copies and no {@code _copies.jsonl})
 * and {@code bench} takes {@code --skip STEP[,STEP]} (of {@link Benchmark.Steps#NAMES}: {@code topics}, the
 * LDA fit, and {@code peer}, the Spark NLP EntityRuler). Both are checked before anything is written or Spark
 * starts.
 */
public final class ToolsMain {
    private ToolsMain() {}

    /** Options only the tools take, kept apart from the job's {@link CommandLine}, which would refuse them. */
    static final Map<String, String> TOOL_OPTIONS = Map.of("copy-rate", "generate", "skip", "bench");

    /**
     * The command line split in two: what {@link CommandLine} parses, and the {@link #TOOL_OPTIONS} given
     * ({@code --name value} or {@code --name=value}; a null value when none follows).
     */
    record Split(String[] common, Map<String, String> tool) {
        static Split of(String[] args) {
            List<String> common = new ArrayList<>();
            Map<String, String> tool = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = i > 0 && arg.startsWith("--") ? arg.substring(2) : null;
                int eq = name == null ? -1 : name.indexOf('=');
                if (name != null && TOOL_OPTIONS.containsKey(eq >= 0 ? name.substring(0, eq) : name)) {
                    if (eq >= 0) {
                        tool.put(name.substring(0, eq), name.substring(eq + 1));
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        tool.put(name, args[++i]);
                    } else {
                        tool.put(name, null);
                    }
                } else {
                    common.add(arg);
                }
            }
            return new Split(common.toArray(String[]::new), Collections.unmodifiableMap(tool));
        }
    }

    public static void main(String[] args) {
        Split split = Split.of(args);
        CommandLine.runAndExit(split.common(), cli -> run(cli, split.tool()));
    }

    static int run(CommandLine cli, Map<String, String> toolOptions) {
        checkToolOptions(cli.command(), toolOptions);
        switch (cli.command()) {
            case "generate" -> {
                NearCopyPlan copies = new NearCopyPlan(copyRate(toolOptions.get("copy-rate")));
                Path output = Path.of(cli.required("output", "the corpus folder"));
                int docs = cli.intOption("docs", 10_000);
                String format = cli.option("format") == null ? "jsonl" : cli.option("format");
                int days = cli.intOption("days", 60);
                int seed = cli.intOption("seed", 1);
                GeneratedCorpus corpus = CorpusGenerator.generate(output, docs, format, days, seed, BurstPlan.NONE,
                        copies);
                System.out.printf("newslens generate: %d articles (%s, %d files, %.1f MB, %d planted mentions) in %s;"
                                + " ground truth in %s%s%n", corpus.docs(), corpus.format(), corpus.files(),
                        corpus.bytes() / 1e6, corpus.mentions(), corpus.root(), corpus.truth(),
                        copies.rate() == 0 ? "" : "; " + lines(corpus.root().resolve(NearCopyPlan.COPIES_FILE))
                                + " planted near-copies in " + corpus.root().resolve(NearCopyPlan.COPIES_FILE));
                return 0;
            }
            case "bench" -> {
                Benchmark.Steps steps = toolOptions.containsKey("skip")
                        ? Benchmark.Steps.skipping(toolOptions.get("skip")) : Benchmark.Steps.ALL;
                cli.required("input", "the corpus to measure on");
                Path input = cli.existing("input");
                Path work = Path.of(cli.required("output", "a work folder for the benchmark's tables and report"));
                // Executors report their heap peaks with each task; polled often, short tasks have one too.
                SparkSession spark = Sessions.getOrCreate(cli.option("master"),
                        Map.of("spark.executor.metrics.pollingInterval", "200ms"));
                System.out.print(Benchmark.run(spark, input, work, steps).table());
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown tool '" + cli.command() + "' (tools: bench, generate)");
        }
    }

    /** Each tool option belongs to its tool and needs a value. */
    private static void checkToolOptions(String command, Map<String, String> toolOptions) {
        toolOptions.forEach((name, value) -> {
            String tool = TOOL_OPTIONS.get(name);
            if (!tool.equals(command)) {
                throw new IllegalArgumentException("--" + name + " is an option of " + tool + ", not of " + command);
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        });
    }

    /** {@code --copy-rate R}: a share of the articles, in [0, 1); 0 (no copies) when absent. */
    static double copyRate(String value) {
        if (value == null) {
            return 0;
        }
        double rate;
        try {
            rate = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("--copy-rate needs a share of the articles in [0, 1) (e.g. 0.1),"
                    + " got '" + value + "'");
        }
        return rate;
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
