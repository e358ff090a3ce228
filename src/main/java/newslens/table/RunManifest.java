package newslens.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;

/**
 * What one run did, written to {@code <output>/_runs/<run_id>.json}: the command, its inputs, the
 * counts of every stage (which must reconcile: every input file ends in articles or rejects) and
 * the tables it published.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunManifest(
        String runId,
        String command,
        String input,
        String output,
        String sparkMaster,
        String startedAt,
        String finishedAt,
        String status,
        Map<String, Object> stages,
        List<TableSummary> tables) {

    /** A published table: its name, folder and row count. */
    public record TableSummary(String name, String path, long rows) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    public void writeTo(OutputLayout layout) {
        try {
            FileSystem fs = layout.fileSystem();
            org.apache.hadoop.fs.Path target = layout.manifest();
            org.apache.hadoop.fs.Path partial = target.suffix(".partial");
            try (OutputStream out = fs.create(partial, true)) {
                JSON.writeValue(out, this);
            }
            fs.delete(target, false);
            if (!fs.rename(partial, target)) {
                throw new IOException("rename " + partial + " -> " + target + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run manifest", e);
        }
    }
}
