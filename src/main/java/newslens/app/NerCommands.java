package newslens.app;

import java.nio.file.Path;
import newslens.entities.eval.NerCorpus;
import newslens.entities.eval.NerEvaluator;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.learned.LearnedNerModel;
import newslens.entities.learned.NerModelDescription;
import newslens.entities.learned.NerTrainer;
import newslens.entities.rules.EntityRecognizer;
import org.apache.spark.sql.SparkSession;

/** {@code eval-ner} and {@code train-ner}: the recogniser measured against, and trained on, the user's gold spans. */
final class NerCommands {
    private NerCommands() {}

    /**
     * {@code eval-ner}: precision, recall and F1 against the user's gold spans, of the rules and knowledge base
     * alone or merged with a learned model ({@code --ner-model}), on every document or on the held-out ones.
     */
    static int evaluate(CommandLine cli) {
        KnowledgeBase kb = configuredKnowledgeBase(cli);
        NerCorpus corpus = nerCorpus(cli);
        String scope = "all " + corpus.size() + " documents";
        if (cli.option("holdout") != null) {
            int holdout = holdoutOption(cli);
            corpus = corpus.heldOut(holdout, cli.intOption("seed", 1));
            scope = corpus.size() + " held-out documents (--holdout " + holdout + " --seed "
                    + cli.intOption("seed", 1) + ")";
        }
        NerEvaluator.Report report;
        String recogniser;
        if (cli.option("ner-model") == null) {
            report = corpus.scoreRules(new EntityRecognizer(kb));
            recogniser = "rules and knowledge base";
        } else {
            String model = cli.existingUnlessRemote("ner-model");
            SparkSession spark = Sessions.getOrCreate(cli.option("master"));
            report = LearnedNerModel.load(spark, model, kb).score(spark, corpus);
            recogniser = "rules and knowledge base + learned model " + model;
        }
        System.out.println("newslens eval-ner: " + recogniser + " on " + scope + " of " + corpus.source());
        System.out.println(report.format());
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

    private static KnowledgeBase configuredKnowledgeBase(CommandLine cli) {
        JobConfig config = JobConfig.load(cli.option("config") == null ? null : Path.of(cli.option("config")));
        return KnowledgeBase.load(config.entities().knowledgeBase().stream().map(Path::of).toList());
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
