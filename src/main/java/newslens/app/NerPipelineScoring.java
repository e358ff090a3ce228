package newslens.app;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newslens.entities.Mention;
import newslens.entities.eval.NerCorpus;
import newslens.entities.eval.NerEvaluation;
import newslens.pipeline.PipelineRunner;
import newslens.table.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code eval-ner}'s measure: the annotated documents go through {@code ingest} and {@code entities} exactly as a
 * user's files do, and what those stages write ({@code articles.title}, {@code articles.text}, {@code mentions}) is
 * scored against the gold. So the figure covers the title, what ingest removes (captions, bylines) and the
 * learned model when one is given: the product's figure, not the recogniser's on raw files.
 *
 * <p>Steps: write the documents as input under {@code <work>/input} (a gold {@code .txt} file as a text file, so
 * its first line is its title; a CoNLL document as a JSON record without title); run the two stages into
 * {@code <work>/tables}; read the two tables back; trace each mention to its file and score
 * ({@link NerEvaluation#scoreWritten}); write every wrong or missed span to {@code <work>/errors.jsonl}.
 */
public final class NerPipelineScoring {

    private static final String RECORDS_FILE = "records.jsonl";
    /** Under the work folder: every wrong or missed span ({@link NerEvaluation.SpanError}). */
    public static final String ERRORS_FILE = "errors.jsonl";

    private NerPipelineScoring() {}

    /**
     * @param nerModel a {@code train-ner} model merged with the rules, or null for the rules alone
     * @param work     an empty or absent folder; the input and the tables are left there
     */
    public static NerEvaluation.PipelineScore score(SparkSession spark, NerCorpus corpus, JobConfig config,
                                                    String nerModel, Path work) {
        Path input = work.resolve("input");
        Map<String, String> nameOfDocId = writeInput(corpus, input);
        String tables = work.resolve("tables").toString();
        StageAssembly.Request request = new StageAssembly.Request(List.of("ingest", "entities"), config,
                input.toString(), nerModel, null, false);
        PipelineRunner.RunOutcome outcome = new PipelineRunner(spark).run(
                new PipelineRunner.Invocation("eval-ner", input.toString(), true), tables,
                StageAssembly.build(spark, request));
        if (!outcome.succeeded()) {
            throw new IllegalStateException("eval-ner: the ingest and entities run failed: " + outcome.status());
        }
        NerEvaluation.PipelineScore score = NerEvaluation.scoreWritten(corpus.articles(),
                written(spark, outcome, nameOfDocId));
        writeErrors(score.errors(), work.resolve(ERRORS_FILE));
        return score;
    }

    /** Every wrong or missed span, one JSON object a line, to read beside the summary. */
    private static void writeErrors(List<NerEvaluation.SpanError> errors, Path file) {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        try {
            for (NerEvaluation.SpanError error : errors) {
                lines.append(json.writeValueAsString(error)).append('\n');
            }
            Files.writeString(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** The documents as a user's input; returns the gold name of each doc_id the ingest will give. */
    private static Map<String, String> writeInput(NerCorpus corpus, Path input) {
        Map<String, String> nameOfDocId = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        StringBuilder records = new StringBuilder();
        try {
            Files.createDirectories(input);
            for (NerEvaluation.GoldArticle article : corpus.articles()) {
                String name = article.name();
                if (name.endsWith(".txt")) {
                    Path file = input.resolve(name).normalize();
                    if (!file.startsWith(input)) {
                        throw new IllegalArgumentException("gold file name leaves the docs folder: " + name);
                    }
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, article.text(), StandardCharsets.UTF_8);
                    // The doc_id ingest gives a text file: its path under the input folder, without extension.
                    String relative = input.relativize(file).toString().replace(File.separatorChar, '/');
                    nameOfDocId.put(relative.substring(0, relative.length() - ".txt".length()), name);
                } else {
                    Map<String, String> record = new LinkedHashMap<>();
                    record.put("id", name);
                    record.put("text", article.text());
                    records.append(json.writeValueAsString(record)).append('\n');
                    nameOfDocId.put(name, name);
                }
            }
            if (!records.isEmpty()) {
                Files.writeString(input.resolve(RECORDS_FILE), records, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the documents to score under " + input, e);
        }
        return nameOfDocId;
    }

    /** The written articles of the scored documents, with their mentions (office-title links left out). */
    private static Map<String, NerEvaluation.WrittenArticle> written(SparkSession spark,
                                                                     PipelineRunner.RunOutcome outcome,
                                                                     Map<String, String> nameOfDocId) {
        Map<String, List<NerEvaluation.WrittenMention>> mentions = new HashMap<>();
        for (Row m : spark.read().parquet(outcome.layout().table(Tables.MENTIONS))
                .filter(col("method").notEqual(Mention.KB_ROLE))
                .select("doc_id", "field", "start", "end", "entity_type").collectAsList()) {
            mentions.computeIfAbsent(m.getString(0), id -> new ArrayList<>()).add(
                    new NerEvaluation.WrittenMention(m.getString(1), m.getInt(2), m.getInt(3), m.getString(4)));
        }
        Map<String, NerEvaluation.WrittenArticle> written = new HashMap<>();
        for (Row a : spark.read().parquet(outcome.layout().table(Tables.ARTICLES))
                .select("doc_id", "title", "text").collectAsList()) {
            String name = nameOfDocId.get(a.getString(0));
            if (name != null) {
                written.put(name, new NerEvaluation.WrittenArticle(a.getString(1), a.getString(2),
                        mentions.getOrDefault(a.getString(0), List.of())));
            }
        }
        return written;
    }
}
