package newslens.app;

import java.nio.file.Path;
import java.util.List;
import newslens.dashboard.DashboardWriter;
import newslens.pipeline.PipelineRunner;
import newslens.pipeline.Stage;
import newslens.table.RunLock;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of {@code jobs/newslens} and of {@code spark-submit --class newslens.app.Main}: maps a
 * command line to the stages it runs (through the {@link PipelineRunner}) or to the NER and dashboard
 * commands. {@code bench} and {@code generate} are tools with an entry point of their own
 * ({@code newslens.tools.ToolsMain}), which {@code jobs/newslens} calls.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CommandLine.runAndExit(args, Main::run);
    }

    static int run(CommandLine cli) {
        String command = cli.command();
        if (List.of("help", "--help", "-h").contains(command)) {
            System.out.println(USAGE);
            return 0;
        }
        if (command.equals("run")) {
            return runStages(cli, StageAssembly.STAGES);
        }
        if (StageAssembly.STAGES.contains(command)) {
            return runStages(cli, List.of(command));
        }
        if (command.equals("eval-ner")) {
            return NerCommands.evaluate(cli);
        }
        if (command.equals("train-ner")) {
            return NerCommands.train(cli);
        }
        if (command.equals("segment")) {
            return SegmentCommands.segment(cli);
        }
        if (command.equals("eval-segment")) {
            return SegmentCommands.evaluate(cli);
        }
        if (command.equals("dashboard")) {
            String output = cli.required("output", "the folder of the tables");
            SparkSession spark = Sessions.getOrCreate(cli.option("master"));
            System.out.println("newslens dashboard: wrote " + DashboardWriter.write(spark, output));
            return 0;
        }
        if (List.of("bench", "generate").contains(command)) {
            throw new IllegalArgumentException("'" + command + "' is a tool: run it with jobs/newslens " + command
                    + " (class newslens.tools.ToolsMain)");
        }
        throw new IllegalArgumentException("unknown command '" + command + "'");
    }

    /** The stages of {@code run} or of a single-stage command, through the runner; the summary on stdout. */
    private static int runStages(CommandLine cli, List<String> stageNames) {
        String output = cli.required("output", "the folder the tables are written to");
        JobConfig config = JobConfig.of(cli);
        if (cli.option("default-date") != null) {
            config = config.withDefaultDate(cli.option("default-date"));
        }
        String input = stageNames.contains("ingest") ? cli.required("input", "a folder, file or glob of articles")
                : cli.option("input");
        Integer topicsK = cli.option("topics") == null ? null : cli.intOption("topics", 0);
        String nerModel = cli.option("ner-model") == null ? null : cli.existingUnlessRemote("ner-model");
        StageAssembly.Request request = new StageAssembly.Request(stageNames, config, input, nerModel, topicsK,
                cli.flag("refit"));
        // Every option is checked before Spark starts: a typo costs a second, not a cluster slot.
        config.topicsOptions(topicsK, cli.flag("refit"));

        SparkSession spark = Sessions.getOrCreate(cli.option("master"));
        List<Stage> stages = StageAssembly.build(spark, request);
        PipelineRunner.RunOutcome outcome;
        try {
            outcome = new PipelineRunner(spark).run(new PipelineRunner.Invocation(cli.command(), input,
                    cli.flag("full")), output, stages);
        } catch (RunLock.HeldException e) {
            System.err.println("newslens: " + e.getMessage());
            return 4;
        }
        System.out.println(Summary.render(outcome));
        if (!outcome.succeeded()) {
            System.err.println("newslens: " + outcome.status());
            return 1;
        }
        return 0;
    }

    static final String USAGE = """
            Usage: jobs/newslens COMMAND [options]

            Commands:
              run            every stage in order: ingest, entities, cooccurrence, topics, trends
              ingest         input files -> tables articles, rejects, ledger
              entities       articles -> mentions, entities
              cooccurrence   articles, mentions -> entity_frequency, cooccurrence
              topics         articles (+ mentions) -> topics, doc_topics, topic_frequency
              trends         articles, entity_frequency, cooccurrence (+ topic_frequency) -> trends, bursts
              eval-ner       --docs DIR --gold FILE.jsonl (or --conll FILE) [--holdout P] [--seed S]
                             [--ner-model DIR]: score entities against gold, rules alone or with a learned
                             model, on every document or on the P% held out by train-ner --holdout P
              segment        --input FILE --output FILE: the lines of a text file with the syllables of
                             each multi-syllable word joined by _ (the topics stage's segmenter)
              eval-segment   --gold FILE: word precision, recall, F1 of that segmenter against lines
                             segmented by hand (syllables of a word joined by _)
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
