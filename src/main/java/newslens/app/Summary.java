package newslens.app;

import newslens.pipeline.PipelineRunner;
import newslens.table.RunManifest;

/** The few lines a person reads after a run: what was written, where, and what each stage did. */
final class Summary {
    private Summary() {}

    static String render(PipelineRunner.RunOutcome outcome) {
        StringBuilder out = new StringBuilder();
        out.append("newslens run ").append(outcome.runId()).append(" wrote ").append(outcome.layout().root())
                .append('\n');
        for (RunManifest.TableSummary table : outcome.tables()) {
            out.append(String.format("  %-17s %8d rows  %s%n", table.name(), table.rows(), table.path()));
        }
        outcome.stages().forEach(stage -> out.append("  ").append(stage.result().summary()).append('\n'));
        out.append("  manifest: ").append(outcome.layout().manifest()).append('\n');
        return out.toString();
    }
}
