package newslens.ingest;

import java.io.Serializable;
import java.time.LocalDate;

/** What one input (a text file, or one line of a JSON Lines file) became: an article or a reject. */
public sealed interface IngestOutcome extends Serializable {

    /** Where the input came from; {@code ordinal} is the JSON line number, 0 for a one-article file. */
    String sourcePath();

    int ordinal();

    record Article(
            String docId,
            String sourcePath,
            int ordinal,
            String contentHash,
            String title,
            String text,
            String url,
            String source,
            String author,
            String publishedAt,
            LocalDate publishedDate,
            String dateSource,
            double dateConfidence) implements IngestOutcome {}

    record Reject(String sourcePath, int ordinal, String reason, String detail, long nBytes) implements IngestOutcome {}
}
