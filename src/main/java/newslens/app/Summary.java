package newslens.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import newslens.cooccurrence.CooccurrenceStage;
import newslens.entities.EntitiesStage;
import newslens.ingest.IngestStage;
import newslens.table.OutputLayout;
import newslens.table.RunManifest;
import newslens.table.Tables;
import newslens.topics.TopicsStage;
import org.apache.spark.sql.SparkSession;

/** The few lines a person reads after a run: what was written, where, and what was rejected. */
final class Summary {
    private Summary() {}

    /** Every contract table present under --output, with its row count (Parquet footers: cheap). */
    static List<RunManifest.TableSummary> tables(SparkSession spark, OutputLayout layout) {
        List<RunManifest.TableSummary> tables = new ArrayList<>();
        for (String name : Tables.ALL) {
            if (layout.tableExists(name)) {
                tables.add(new RunManifest.TableSummary(name, layout.table(name),
                        spark.read().parquet(layout.table(name)).count()));
            }
        }
        return tables;
    }

    static String describe(Object stageResult) {
        if (stageResult instanceof IngestStage.Result r) {
            return String.format("ingest: %d files (%.1f MB, %d new or changed read now)%s -> %d articles "
                            + "(%d exact duplicates; %d dated, %d undated), %d rejected%s",
                    r.filesListed(), r.bytesListed() / 1e6, r.filesRead(),
                    r.filesSkipped() > 0 ? ", " + r.filesSkipped() + " other files skipped" : "",
                    r.articles(), r.duplicates(), r.dated(), r.undated(), r.rejects(), reasons(r.rejectsByReason()));
        }
        if (stageResult instanceof EntitiesStage.Result r) {
            return String.format("entities: %d articles (%d new or changed recognised) -> %d mentions of %d entities",
                    r.articles(), r.recognised(), r.mentions(), r.entities());
        }
        if (stageResult instanceof CooccurrenceStage.Result r) {
            return String.format("cooccurrence: %d entity_frequency rows, %d cooccurrence rows",
                    r.entityFrequencyRows(), r.cooccurrenceRows());
        }
        if (stageResult instanceof TopicsStage.Result r && r.skippedBecause() != null) {
            return "topics: no topic model fitted: " + r.skippedBecause();
        }
        if (stageResult instanceof TopicsStage.Result r) {
            return String.format("topics: model %s (%s), %d articles -> %d doc_topics rows, %d topic_frequency rows",
                    r.modelId(), r.fitted() ? "fitted now" : "saved model", r.articles(), r.docTopicRows(),
                    r.topicFrequencyRows());
        }
        return String.valueOf(stageResult);
    }

    static String render(String runId, OutputLayout layout, List<RunManifest.TableSummary> tables,
                         List<String> stages) {
        StringBuilder out = new StringBuilder();
        out.append("newslens run ").append(runId).append(" wrote ").append(layout.root()).append('\n');
        for (RunManifest.TableSummary table : tables) {
            out.append(String.format("  %-17s %8d rows  %s%n", table.name(), table.rows(), table.path()));
        }
        stages.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("  manifest: ").append(layout.manifest()).append('\n');
        return out.toString();
    }

    private static String reasons(Map<String, Long> byReason) {
        if (byReason.isEmpty()) {
            return "";
        }
        return byReason.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
