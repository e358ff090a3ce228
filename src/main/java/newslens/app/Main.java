package newslens.app;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import newslens.tools.bench.Benchmark;
import newslens.tools.generate.CorpusGenerator;
import newslens.tools.generate.GeneratedCorpus;
import newslens.cooccurrence.CooccurrenceStage;
import newslens.dashboard.DashboardWriter;
import newslens.entities.EntitiesStage;
import newslens.entities.rules.EntityRecognizer;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.learned.LearnedNerModel;
import newslens.entities.eval.NerCorpus;
import newslens.entities.eval.NerEvaluator;
import newslens.entities.learned.NerModelDescription;
import newslens.entities.learned.NerTrainer;
import newslens.entities.RecognizerVersion;
import newslens.ingest.IngestStage;
import newslens.table.OutputLayout;
import newslens.table.RunLock;
import newslens.table.RunManifest;
import newslens.table.Tables;
import newslens.topics.TopicsStage;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of {@code jobs/newslens} and of {@code spark-submit --class newslens.app.Main}. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    /** The built stages, in pipeline order; {@code run} runs them all. */
    private static final List<String> STAGES = List.of("ingest", "entities", "cooccurrence", "topics");

    /** How often a running stage reports its progress on the console. */
    private static final long PROGRESS_SECONDS = 10;

    private Main() {}

    public static void main(String[] args) {
        int status;
        try {
            status = run(CommandLine.parse(args));
        } catch (IllegalArgumentException e) {
            System.err.println("newslens: " + e.getMessage());
            System.err.println("Run 'jobs/newslens help' for usage.");
            status = 2;
        }
        System.exit(status);
    }

    static int run(CommandLine cli) {
        String command = cli.command();
        if (List.of("help", "--help", "-h").contains(command)) {
            System.out.println(USAGE);
            return 0;
        }
        if (command.equals("run")) {
            return runStages(cli, STAGES);
        }
        if (STAGES.contains(command)) {
            return runStages(cli, List.of(command));
        }
        if (command.equals("eval-ner")) {
            return evaluateNer(cli);
        }
        if (command.equals("train-ner")) {
            return trainNer(cli);
        }
        if (command.equals("generate")) {
            GeneratedCorpus corpus = CorpusGenerator.generate(Path.of(cli.required("output", "the corpus folder")),
                    intOption(cli, "docs", 10_000), cli.option("format") == null ? "jsonl" : cli.option("format"),
                    intOption(cli, "days", 60), intOption(cli, "seed", 1));
            System.out.printf("newslens generate: %d articles (%s, %d files, %.1f MB, %d planted mentions) in %s;"
                            + " ground truth in %s%n", corpus.docs(), corpus.format(), corpus.files(),
                    corpus.bytes() / 1e6, corpus.mentions(), corpus.root(), corpus.truth());
            return 0;
        }
        if (command.equals("bench")) {
            Path input = existing("--input", cli.required("input", "the corpus to measure on"));
            Path work = Path.of(cli.required("output", "a work folder for the benchmark's tables and report"));
            // Executors report their heap peaks with each task; polled often, short tasks have one too.
            SparkSession spark = Sessions.getOrCreate(cli.option("master"),
                    Map.of("spark.executor.metrics.pollingInterval", "200ms"));
            System.out.print(Benchmark.run(spark, input, work).table());
            return 0;
        }
        if (command.equals("dashboard")) {
            String output = cli.required("output", "the folder of the tables");
            SparkSession spark = Sessions.getOrCreate(cli.option("master"));
            System.out.println("newslens dashboard: wrote " + DashboardWriter.write(spark, output));
            return 0;
        }
        throw new IllegalArgumentException("unknown command '" + command + "'");
    }

    private static int runStages(CommandLine cli, List<String> stages) {
        String output = cli.required("output", "the folder the tables are written to");
        JobConfig config = JobConfig.load(cli.option("config") == null ? null : Path.of(cli.option("config")));
        if (cli.option("default-date") != null) {
            config = config.withDefaultDate(cli.option("default-date"));
        }
        // Every option is checked before Spark starts: a typo costs a second, not a cluster slot.
        IngestStage.Options ingestOptions = stages.contains("ingest") ? ingestOptions(cli, config) : null;
        CooccurrenceStage.Options cooccurrenceOptions = new CooccurrenceStage.Options(
                config.cooccurrence().maxEntitiesPerWindow(), config.cooccurrence().minPairDocs(),
                cli.flag("full"));
        List<Path> knowledgeBase = config.entities().knowledgeBase().stream().map(Path::of).toList();
        TopicsStage.Options topicsOptions = config.topicsOptions(
                cli.option("topics") == null ? null : parseInt("--topics", cli.option("topics")), cli.flag("refit"));
        if (cli.option("ner-model") != null) {
            existingUnlessRemote("--ner-model", cli.option("ner-model"));
        }

        String runId = newRunId();
        SparkSession spark = Sessions.getOrCreate(cli.option("master"));
        OutputLayout layout = new OutputLayout(output, runId, spark.sparkContext().hadoopConfiguration());
        try (RunLock lock = RunLock.acquire(layout)) {
            layout.recoverInterruptedRuns();
            return executeStages(cli, stages, spark, layout, ingestOptions, cooccurrenceOptions, knowledgeBase,
                    topicsOptions);
        } catch (RunLock.HeldException e) {
            System.err.println("newslens: " + e.getMessage());
            return 4;
        }
    }

    private static int executeStages(CommandLine cli, List<String> stages, SparkSession spark, OutputLayout layout,
                                     IngestStage.Options ingestOptions,
                                     CooccurrenceStage.Options cooccurrenceOptions, List<Path> knowledgeBase,
                                     TopicsStage.Options topicsOptions) {
        String startedAt = Instant.now().toString();
        Map<String, Object> reports = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        String status = "succeeded";

        for (String stage : stages) {
            requireInputsOf(stage, layout);
            LOG.info("run {}: stage {} -> {}", layout.runId(), stage, layout.root());
            long t0 = System.nanoTime();
            Object result;
            try (ProgressReporter progress = new ProgressReporter(spark.sparkContext(), stage, PROGRESS_SECONDS)) {
                result = switch (stage) {
                    case "ingest" -> new IngestStage(spark, ingestOptions, layout).execute();
                    case "entities" -> entitiesStage(cli, spark, knowledgeBase, layout).execute();
                    case "cooccurrence" -> new CooccurrenceStage(spark, cooccurrenceOptions, layout).execute();
                    case "topics" -> new TopicsStage(spark, topicsOptions, layout).execute();
                    default -> throw new IllegalStateException("no stage " + stage);
                };
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            reports.put(stage, Map.of("seconds", Math.round(seconds * 10) / 10.0, "result", result));
            summary.add(Summary.describe(result));
            LOG.info("stage {} done in {} s: {}", stage, String.format("%.1f", seconds), result);
            if (result instanceof IngestStage.Result ingest && !ingest.reconciled()) {
                status = "failed: " + ingest.filesUnaccounted() + " of " + ingest.filesListed()
                        + " listed input files appear neither in articles nor in rejects";
                break;
            }
        }

        List<RunManifest.TableSummary> tables = Summary.tables(spark, layout);
        new RunManifest(layout.runId(), cli.command(), cli.option("input"), layout.root().toString(),
                spark.sparkContext().master(), startedAt, Instant.now().toString(), status, reports, tables)
                .writeTo(layout);
        System.out.println(Summary.render(layout.runId(), layout, tables, summary));
        if (!status.equals("succeeded")) {
            System.err.println("newslens: " + status);
            return 1;
        }
        return 0;
    }

    private static IngestStage.Options ingestOptions(CommandLine cli, JobConfig config) {
        return new IngestStage.Options(cli.required("input", "a folder, file or glob of articles"),
                new HashSet<>(config.ingest().extensions()), config.ingest().maxFileBytes(),
                config.ingest().targetPartitionBytes(), config.ingest().listingFanOut(),
                config.dates().defaultLocalDate(), cli.flag("full"));
    }

    /** A stage run on its own reads the tables of the stages before it from --output. */
    private static void requireInputsOf(String stage, OutputLayout layout) {
        List<String> needed = switch (stage) {
            case "entities" -> List.of(Tables.ARTICLES);
            case "cooccurrence" -> List.of(Tables.ARTICLES, Tables.MENTIONS);
            case "topics" -> List.of(Tables.ARTICLES);
            default -> List.of();
        };
        for (String table : needed) {
            if (!layout.tableExists(table)) {
                throw new IllegalArgumentException("stage " + stage + " reads table " + table + " from --output "
                        + layout.root() + ", which has none: run the stages before it first (or 'run')");
            }
        }
    }

    /**
     * The entities stage: the rules and knowledge base, with the spans of a learned model merged in when
     * {@code --ner-model} names one (the model is part of the recogniser's version: changing it recognises again).
     */
    private static EntitiesStage entitiesStage(CommandLine cli, SparkSession spark, List<Path> knowledgeBase,
                                               OutputLayout layout) {
        KnowledgeBase kb = KnowledgeBase.load(knowledgeBase);
        if (cli.option("ner-model") == null) {
            return new EntitiesStage(spark, new EntityRecognizer(kb), new EntitiesStage.Options(
                    RecognizerVersion.of(knowledgeBase, List.of()), cli.flag("full")), layout);
        }
        LearnedNerModel learned = LearnedNerModel.load(spark, cli.option("ner-model"), kb);
        return new EntitiesStage(spark, learned, new EntitiesStage.Options(
                RecognizerVersion.of(knowledgeBase, List.of(learned.identity())), cli.flag("full")), layout);
    }

    /**
     * {@code eval-ner}: precision, recall and F1 against the user's gold spans, of the rules and knowledge base
     * alone or merged with a learned model ({@code --ner-model}), on every document or on the held-out ones.
     */
    private static int evaluateNer(CommandLine cli) {
        KnowledgeBase kb = configuredKnowledgeBase(cli);
        NerCorpus corpus = nerCorpus(cli);
        String scope = "all " + corpus.size() + " documents";
        if (cli.option("holdout") != null) {
            int holdout = holdoutOption(cli);
            corpus = corpus.heldOut(holdout, intOption(cli, "seed", 1));
            scope = corpus.size() + " held-out documents (--holdout " + holdout + " --seed " + intOption(cli, "seed", 1)
                    + ")";
        }
        NerEvaluator.Report report;
        String recogniser;
        if (cli.option("ner-model") == null) {
            report = corpus.scoreRules(new EntityRecognizer(kb));
            recogniser = "rules and knowledge base";
        } else {
            String model = existingUnlessRemote("--ner-model", cli.option("ner-model"));
            SparkSession spark = Sessions.getOrCreate(cli.option("master"));
            report = LearnedNerModel.load(spark, model, kb).score(spark, corpus);
            recogniser = "rules and knowledge base + learned model " + model;
        }
        System.out.println("newslens eval-ner: " + recogniser + " on " + scope + " of " + corpus.source());
        System.out.println(report.format());
        return 0;
    }

    /** {@code train-ner}: trains a learned NER model on the user's gold spans (README, "Trainable NER"). */
    private static int trainNer(CommandLine cli) {
        KnowledgeBase kb = configuredKnowledgeBase(cli);
        NerCorpus corpus = nerCorpus(cli);
        String modelOut = cli.required("model-out", "the folder the model is written to");
        int holdout = cli.option("holdout") == null ? 0 : holdoutOption(cli);
        String embeddingsCorpus = cli.option("embeddings-corpus") == null ? null
                : existingUnlessRemote("--embeddings-corpus", cli.option("embeddings-corpus"));
        SparkSession spark = Sessions.getOrCreate(cli.option("master"));
        NerModelDescription model = NerTrainer.train(spark, corpus, kb,
                NerTrainer.Options.defaults(holdout, intOption(cli, "seed", 1), embeddingsCorpus), modelOut);
        System.out.printf("newslens train-ner: trained on %d of %d documents (%d sentences, %d tokens, %d word"
                        + " vectors) in %.0f s; model in %s%n", model.articles(), corpus.size(), model.sentences(),
                model.tokens(), model.vocabulary(), model.trainingSeconds(), modelOut);
        return 0;
    }

    private static KnowledgeBase configuredKnowledgeBase(CommandLine cli) {
        JobConfig config = JobConfig.load(cli.option("config") == null ? null : Path.of(cli.option("config")));
        return KnowledgeBase.load(config.entities().knowledgeBase().stream().map(Path::of).toList());
    }

    /** Gold for eval-ner and train-ner: {@code --conll FILE}, or {@code --docs DIR --gold FILE.jsonl}. */
    private static NerCorpus nerCorpus(CommandLine cli) {
        if (cli.option("conll") != null) {
            return NerCorpus.conll(existing("--conll", cli.option("conll")));
        }
        Path docs = existing("--docs", cli.required("docs", "the folder of the annotated .txt files"));
        Path gold = existing("--gold", cli.required("gold", "the gold spans, one JSON line per file"));
        return NerCorpus.jsonl(docs, gold);
    }

    private static int holdoutOption(CommandLine cli) {
        int holdout = intOption(cli, "holdout", 0);
        if (holdout < 1 || holdout > 99) {
            throw new IllegalArgumentException("--holdout needs a percentage from 1 to 99, got " + holdout);
        }
        return holdout;
    }

    /** A local path must exist; one with a scheme ({@code hdfs://}, {@code s3a://}) is left to Spark to read. */
    private static String existingUnlessRemote(String option, String value) {
        if (!value.contains("://")) {
            existing(option, value);
        }
        return value;
    }

    private static Path existing(String option, String value) {
        Path path = Path.of(value);
        if (!java.nio.file.Files.exists(path)) {
            throw new IllegalArgumentException(option + " " + value + ": no such file or folder");
        }
        return path;
    }

    private static int intOption(CommandLine cli, String name, int defaultValue) {
        return cli.option(name) == null ? defaultValue : parseInt("--" + name, cli.option(name));
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    private static String newRunId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    static final String USAGE = """
            Usage: jobs/newslens COMMAND [options]

            Commands:
              run            every stage in order: ingest, entities, cooccurrence, topics
              ingest         input files -> tables articles, rejects, ledger
              entities       articles -> mentions, entities
              cooccurrence   articles, mentions -> entity_frequency, cooccurrence
              topics         articles (+ mentions) -> topics, doc_topics, topic_frequency
              eval-ner       --docs DIR --gold FILE.jsonl (or --conll FILE) [--holdout P] [--seed S]
                             [--ner-model DIR]: score entities against gold, rules alone or with a learned
                             model, on every document or on the P% held out by train-ner --holdout P
              dashboard      the tables in --output -> <output>/dashboard/index.html (a static page)
              generate       --output DIR [--docs N] [--format txt|jsonl] [--days D] [--seed S]:
                             a synthetic corpus with its ground truth, for scale runs
              bench          --input DIR --output WORKDIR: times a read-only pass, each stage, the
                             whole run and a Spark NLP EntityRuler peer on the same input
              train-ner      --docs DIR --gold FILE.jsonl (or --conll FILE) --model-out DIR [--holdout P]
                             [--seed S] [--embeddings-corpus DIR]: train a learned NER model on gold

            Options:
              --input PATH         folder (read recursively), file or glob; local, hdfs://, s3a://...
                                   (jobs/newslens: defaults to the sample corpus for run and ingest)
              --output DIR         where the tables go (jobs/newslens: defaults to ./newslens-out)
              --config FILE        JSON settings laid over the defaults (see README, "Configuration")
              --default-date DATE  publication date for articles with no date evidence (a one-day batch)
              --full               recompute everything: ingest re-reads every input file, entities
                                   recognise every article, cooccurrence recounts every period
                                   (by default only what is new or changed is processed)
              --topics K           number of learned topics when a topic model is fitted
              --refit              fit a new topic model instead of inferring with the saved one
              --ner-model DIR      entities (and run): merge the spans of a model from train-ner with the
                                   rules' mentions
              --master URL         Spark master: local[*], spark://..., yarn, k8s://...

            Exit status: 0 success, 1 run failed, 2 bad command line or configuration,
                         4 another run holds --output (3 is no longer used).
            """;
}
