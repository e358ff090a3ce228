package newslens.tools.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@link Benchmark#run} measured on one input. Rates are over the input (its articles and its
 * bytes on disk) for every row, so rows compare directly; {@code ratioToReadOnly} is the row's seconds over
 * the fastest read-only pass.
 *
 * @param oursOverPeer seconds of our recogniser over seconds of the Spark NLP EntityRuler on the same
 *                     articles (below 1: ours is faster); null when the peer was skipped or did not finish
 * @param plantedCopies how the duplicate groups of the run's {@code articles} table recover the copies planted
 *                      in the input ({@code _copies.jsonl}); null when the input has none
 * @param notes        how each row was measured, and what went wrong if something did
 */
public record Report(String input, String master, long files, long inputBytes, long articles,
                     List<Row> rows, Double oursOverPeer, long driverLiveHeapBytes, long driverMaxHeapBytes,
                     long executorPeakHeapBytes, PlantedCopies.Score plantedCopies, List<String> notes) {

    /** A report of an input without planted copies. */
    public Report(String input, String master, long files, long inputBytes, long articles, List<Row> rows,
                  Double oursOverPeer, long driverLiveHeapBytes, long driverMaxHeapBytes, long executorPeakHeapBytes,
                  List<String> notes) {
        this(input, master, files, inputBytes, articles, rows, oursOverPeer, driverLiveHeapBytes, driverMaxHeapBytes,
                executorPeakHeapBytes, null, notes);
    }

    /**
     * One timed step; {@code driverLiveHeapBytes} is the largest heap the driver kept after a garbage
     * collection while it ran (the whole job's in local mode), {@code executorPeakHeapBytes} the largest
     * executor's peak used heap (0 in local mode); {@code traffic} what its tasks read, wrote and shuffled,
     * null for a row that is a part of another step's time.
     */
    public record Row(String stage, double seconds, double articlesPerSecond, double megabytesPerSecond,
                      double ratioToReadOnly, long driverLiveHeapBytes, long executorPeakHeapBytes, Traffic traffic,
                      String detail) {}

    /**
     * What a step's tasks moved: rows read from files or kept blocks ({@code inputRows}), rows and bytes
     * written to files, bytes written to shuffles (each is read once more by the tasks after the shuffle).
     */
    public record Traffic(long inputRows, long outputRows, long outputBytes, long shuffleBytes) {

        /** The steps' traffic together. */
        static Traffic sum(Iterable<Traffic> steps) {
            long in = 0;
            long out = 0;
            long written = 0;
            long shuffled = 0;
            for (Traffic step : steps) {
                in += step.inputRows();
                out += step.outputRows();
                written += step.outputBytes();
                shuffled += step.shuffleBytes();
            }
            return new Traffic(in, out, written, shuffled);
        }
    }

    public void writeJson(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a plain-text table. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "newslens bench: %s (%d files, %.1f MB, %d articles), master %s%n",
                input, files, inputBytes / 1e6, articles, master));
        out.append(String.format(Locale.ROOT, "%-40s %9s %11s %8s %11s %9s %9s %11s %11s %8s %10s  %s%n",
                "stage", "seconds", "articles/s", "MB/s", "x read-only", "driver MB", "exec. MB", "rows in",
                "rows out", "MB out", "shuffle MB", "detail"));
        for (Row row : rows) {
            Traffic traffic = row.traffic();
            out.append(String.format(Locale.ROOT, "%-40s %9.2f %11.0f %8.2f %11.2f %9d %9d %11s %11s %8s %10s  %s%n",
                    row.stage(), row.seconds(), row.articlesPerSecond(), row.megabytesPerSecond(),
                    row.ratioToReadOnly(), row.driverLiveHeapBytes() / (1024 * 1024),
                    row.executorPeakHeapBytes() / (1024 * 1024),
                    traffic == null ? "-" : Long.toString(traffic.inputRows()),
                    traffic == null ? "-" : Long.toString(traffic.outputRows()),
                    traffic == null ? "-" : megabytes(traffic.outputBytes()),
                    traffic == null ? "-" : megabytes(traffic.shuffleBytes()), row.detail()));
        }
        out.append(oursOverPeer == null ? "entities ours/peer: no figure (the peer was skipped or did not finish)\n"
                : String.format(Locale.ROOT, "entities ours/peer (seconds, recognise only): %.2f (ours %.1fx faster)%n",
                        oursOverPeer, 1 / oursOverPeer));
        out.append(String.format(Locale.ROOT,
                "heap: driver kept at most %d MB of %d MB after collections, largest executor used at most %d MB%n",
                driverLiveHeapBytes / (1024 * 1024), driverMaxHeapBytes / (1024 * 1024),
                executorPeakHeapBytes / (1024 * 1024)));
        if (plantedCopies != null) {
            out.append(plantedCopies.summary()).append('\n');
            if (!plantedCopies.missedPairs().isEmpty()) {
                out.append("  missed, e.g.: ").append(String.join(", ", plantedCopies.missedPairs())).append('\n');
            }
            if (!plantedCopies.falseMergePairs().isEmpty()) {
                out.append("  merged but not planted, e.g.: ")
                        .append(String.join(", ", plantedCopies.falseMergePairs())).append('\n');
            }
        }
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        return out.toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
