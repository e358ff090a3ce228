package newslens;

import java.util.List;
import newslens.pipeline.PipelineRunner;
import newslens.pipeline.Stage;
import newslens.pipeline.StageResult;
import newslens.table.OutputLayout;

/** Runs one stage through the pipeline runner, as a single-stage command does, and returns its result. */
public final class StageRuns {
    private StageRuns() {}

    @SuppressWarnings("unchecked")
    public static <R extends StageResult> R execute(Stage stage, OutputLayout layout, boolean full) {
        PipelineRunner.RunOutcome outcome = new PipelineRunner(SparkTestSession.get())
                .run(new PipelineRunner.Invocation("test " + stage.name(), null, full), layout, List.of(stage));
        return (R) outcome.stages().get(0).result();
    }

    public static <R extends StageResult> R execute(Stage stage, OutputLayout layout) {
        return execute(stage, layout, false);
    }
}
