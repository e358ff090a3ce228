package newslens.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import newslens.cooccurrence.CooccurrenceStage;
import newslens.entities.EntitiesStage;
import newslens.entities.RecognizerVersion;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.learned.LearnedNerModel;
import newslens.entities.rules.EntityRecognizer;
import newslens.ingest.IngestStage;
import newslens.pipeline.Stage;
import newslens.topics.TopicsStage;
import newslens.trends.TrendsStage;
import org.apache.spark.sql.SparkSession;

/**
 * The pipeline's stages, built from the configuration and the command line: the one place that knows
 * which stages exist, in which order {@code run} runs them, and how each is configured.
 */
public final class StageAssembly {
    private StageAssembly() {}

    /** The stages, in pipeline order; {@code run} runs them all. */
    public static final List<String> STAGES = List.of("ingest", "entities", "cooccurrence", "topics", "trends");

    /**
     * What a command line asks of the stages, checked before Spark starts.
     *
     * @param input    {@code --input} (ingest only)
     * @param nerModel {@code --ner-model}: a learned model merged with the rules, or null
     * @param topicsK  {@code --topics K}, or null for the configured k
     * @param refit    {@code --refit}
     */
    public record Request(List<String> stages, JobConfig config, String input, String nerModel, Integer topicsK,
                          boolean refit) {
        public Request {
            for (String stage : stages) {
                if (!STAGES.contains(stage)) {
                    throw new IllegalArgumentException("no stage named '" + stage + "' (stages: " + STAGES + ")");
                }
            }
            stages = List.copyOf(stages);
        }
    }

    /** Every option of the requested stages validated (each stage's options check themselves), then the stages. */
    public static List<Stage> build(SparkSession spark, Request request) {
        JobConfig config = request.config();
        List<Stage> stages = new ArrayList<>();
        for (String name : request.stages()) {
            stages.add(switch (name) {
                case "ingest" -> new IngestStage(new IngestStage.Options(request.input(),
                        new HashSet<>(config.ingest().extensions()), config.ingest().maxFileBytes(),
                        config.ingest().targetPartitionBytes(), config.ingest().listingFanOut(),
                        config.dates().defaultLocalDate(), config.dedup()));
                case "entities" -> entities(spark, config, request.nerModel());
                case "cooccurrence" -> new CooccurrenceStage(config.cooccurrence());
                case "topics" -> new TopicsStage(config.topicsOptions(request.topicsK(), request.refit()));
                case "trends" -> new TrendsStage(config.trends());
                default -> throw new IllegalStateException("no stage " + name);
            });
        }
        return stages;
    }

    /**
     * The rules and knowledge base, with the spans of a learned model merged in when {@code nerModel} names
     * one (the model is part of the recogniser's version: changing it recognises again).
     */
    private static EntitiesStage entities(SparkSession spark, JobConfig config, String nerModel) {
        List<Path> knowledgeBase = config.entities().knowledgeBase().stream().map(Path::of).toList();
        KnowledgeBase kb = KnowledgeBase.load(knowledgeBase);
        if (nerModel == null) {
            return new EntitiesStage(new EntityRecognizer(kb), RecognizerVersion.of(knowledgeBase, List.of()));
        }
        LearnedNerModel learned = LearnedNerModel.load(spark, nerModel, kb);
        return new EntitiesStage(learned, RecognizerVersion.of(knowledgeBase, List.of(learned.identity())));
    }
}
