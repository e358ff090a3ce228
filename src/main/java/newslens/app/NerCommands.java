package newslens.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import newslens.entities.eval.NerCorpus;
import newslens.entities.eval.NerEvaluation;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.learned.NerModelDescription;
import newslens.entities.learned.NerTrainer;
import org.apache.spark.sql.SparkSession;

/** {@code eval-ner} and {@code train-ner}: the recogniser measured against, and trained on, the user's gold spans. */
final class NerCommands {
    private NerCommands() {}

    /**
     * {@code eval-ner}: precision, recall and F1 against the user's gold spans of what {@code ingest} and
     * {@code entities} write from the annotated files ({@link NerPipelineScoring}), with the rules and knowledge
     * base alone or merged with a learned model ({@code --ner-model}), on every document or on the held-out ones.
     * The run's input and tables go to {@code --output} when given (to look at), else to a temporary folder.
     */
    static int evaluate(CommandLine cli) {
        JobConfig config = JobConfig.of(cli);
        NerCorpus corpus = nerCorpus(cli);
        String scope = "all " + corpus.size() + " documents";
        if (cli.option("holdout") != null) {
            int holdout = holdoutOption(cli);
            corpus = corpus.heldOut(holdout, cli.intOption("seed", 1));
            scope = corpus.size() + " held-out documents (--holdout " + holdout + " --seed "
                    + cli.intOption("seed", 1) + ")";
        }
        String model = cli.option("ner-model") == null ? null : cli.existingUnlessRemote("ner-model");
        String recogniser = model == null ? "rules and knowledge base"
                : "rules and knowledge base + learned model " + model;
        Path work = cli.option("output") == null ? null : Path.of(cli.option("output"));
        if (work != null && Files.isDirectory(work) && !isEmpty(work)) {
            throw new IllegalArgumentException("eval-ner --output needs an empty or new folder, got " + work);
        }
        SparkSession spark = Sessions.getOrCreate(cli.option("master"));
        Path folder = work;
        try {
            folder = work != null ? work : Files.createTempDirectory("newslens-eval-ner");
            NerEvaluation.PipelineScore score = NerPipelineScoring.score(spark, corpus, config, model, folder);
            System.out.println("newslens eval-ner: " + recogniser + " on " + scope + " of " + corpus.source()
                    + ", as ingest and entities write them" + (work == null ? "" : " (tables in " + work
                    + "/tables, every error in " + work.resolve(NerPipelineScoring.ERRORS_FILE) + ")"));
            System.out.println(score.format());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work == null && folder != null) {
                deleteTree(folder);
            }
        }
        return 0;
    }

    /** {@code train-ner}: trains a learned NER model on the user's gold spans (README, "Trainable NER"). */
    static int train(CommandLine cli) {
        KnowledgeBase kb = configuredKnowledgeBase(cli);
        NerCorpus corpus = nerCorpus(cli);
        String modelOut = cli.required("model-out", "the folder the model is written to");
        int holdout = cli.option("holdout") == null ? 0 : holdoutOption(cli);
        String embeddingsCorpus = cli.option("embeddings-corpus") == null ? null
                : cli.existingUnlessRemote("embeddings-corpus");
        SparkSession spark = Sessions.getOrCreate(cli.option("master"));
        NerModelDescription model = NerTrainer.train(spark, corpus, kb,
                NerTrainer.Options.defaults(holdout, cli.intOption("seed", 1), embeddingsCorpus), modelOut);
        System.out.printf("newslens train-ner: trained on %d of %d documents (%d sentences, %d tokens, %d word"
                        + " vectors) in %.0f s; model in %s%n", model.articles(), corpus.size(), model.sentences(),
                model.tokens(), model.vocabulary(), model.trainingSeconds(), modelOut);
        return 0;
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("newslens eval-ner: could not remove the temporary folder " + folder + ": " + e);
        }
    }

    private static KnowledgeBase configuredKnowledgeBase(CommandLine cli) {
        return KnowledgeBase.load(JobConfig.of(cli).entities().knowledgeBase().stream().map(Path::of).toList());
    }

    /** Gold for eval-ner and train-ner: {@code --conll FILE}, or {@code --docs DIR --gold FILE.jsonl}. */
    private static NerCorpus nerCorpus(CommandLine cli) {
        if (cli.option("conll") != null) {
            return NerCorpus.conll(cli.existing("conll"));
        }
        cli.required("docs", "the folder of the annotated .txt files");
        cli.required("gold", "the gold spans, one JSON line per file");
        return NerCorpus.jsonl(cli.existing("docs"), cli.existing("gold"));
    }

    private static int holdoutOption(CommandLine cli) {
        int holdout = cli.intOption("holdout", 0);
        if (holdout < 1 || holdout > 99) {
            throw new IllegalArgumentException("--holdout needs a percentage from 1 to 99, got " + holdout);
        }
        return holdout;
    }
}
