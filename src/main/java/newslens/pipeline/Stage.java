package newslens.pipeline;

import java.util.List;

/**
 * One step of the pipeline: the tables it reads, the tables it writes, and {@link #execute} from one to
 * the other. A stage never names another stage: it asks the {@link StageContext} for its input tables by
 * name, and the {@link PipelineRunner} decides whether they come from an earlier stage of the same run
 * (in memory) or from {@code --output} (a stage run on its own).
 *
 * <p>Options are validated when the stage is built, before Spark starts; {@code execute} only works.
 */
public interface Stage {

    /** The command name of the stage ({@code ingest}, {@code entities}, …). */
    String name();

    /** Tables the stage cannot run without: written earlier in this run, or present under {@code --output}. */
    List<String> reads();

    /** Tables the stage reads when they exist (a richer result, not a precondition). */
    default List<String> readsIfPresent() {
        return List.of();
    }

    /** Public tables the stage publishes (its internal state is its own business, under {@code _state/}). */
    List<String> writes();

    /** Runs the stage; the result is immutable and goes to the console summary and the run manifest. */
    StageResult execute(StageContext context);
}
