package newslens.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Optional;

/**
 * What a stage did. Implementations are records: Jackson writes their components into the run manifest
 * as the stage's figures, and {@link #summary()} is the line a person reads on the console.
 */
public interface StageResult {

    /** One line: what was read and written. */
    @JsonIgnore
    String summary();

    /** Why the run must stop after this stage (its figures do not reconcile), or empty when it may go on. */
    @JsonIgnore
    default Optional<String> failure() {
        return Optional.empty();
    }
}
