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

    /**
     * What a stage is, for the runner: its command name, the tables it cannot run without (written earlier
     * in the run, or published under {@code --output}), the tables it reads when they exist, and the tables
     * it writes (public tables and its internal state).
     */
    record Signature(String name, List<String> reads, List<String> readsIfPresent, List<String> writes) {
        public Signature {
            reads = List.copyOf(reads);
            readsIfPresent = List.copyOf(readsIfPresent);
            writes = List.copyOf(writes);
        }

        /** Every table the stage may read. */
        public boolean mayRead(String table) {
            return reads.contains(table) || readsIfPresent.contains(table);
        }
    }

    Signature signature();

    /** The command name of the stage ({@code ingest}, {@code entities}, …). */
    default String name() {
        return signature().name();
    }

    /** Runs the stage; the result is immutable and goes to the console summary and the run manifest. */
    StageResult execute(StageContext context);
}
