package newslens.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import newslens.ingest.dedup.DedupOptions;
import newslens.pipeline.Stage;
import newslens.pipeline.StageContext;
import newslens.pipeline.StageResult;
import newslens.table.Tables;

/**
 * Stage {@code ingest}: files under {@code --input} → tables {@code articles} and {@code rejects}.
 * Every listed input file ends in one of the two tables (a JSON Lines file contributes one row per
 * line); the result's counts say so, and the run manifest records them.
 */
public final class IngestStage implements Stage {

    /** Options of the stage, validated up front. */
    public record Options(String input, Set<String> extensions, long maxFileBytes, long targetPartitionBytes,
                          int listingFanOut, LocalDate defaultDate, DedupOptions dedup) {
        public Options {
            if (input == null || input.isBlank()) {
                throw new IllegalArgumentException("ingest needs --input (a folder, file or glob)");
            }
            if (extensions == null || extensions.isEmpty()) {
                throw new IllegalArgumentException("ingest.extensions must name at least one extension");
            }
            if (maxFileBytes <= 0) {
                throw new IllegalArgumentException("ingest.maxFileBytes must be positive, got " + maxFileBytes);
            }
            if (targetPartitionBytes <= 0) {
                throw new IllegalArgumentException(
                        "ingest.targetPartitionBytes must be positive, got " + targetPartitionBytes);
            }
            if (listingFanOut <= 0) {
                throw new IllegalArgumentException("ingest.listingFanOut must be positive, got " + listingFanOut);
            }
            if (dedup == null) {
                throw new IllegalArgumentException("ingest needs the dedup settings");
            }
            extensions = Set.copyOf(extensions);
        }
    }

    /**
     * What the stage did. {@code filesRead} are the new or changed files this run read; every listed
     * file must appear in articles or rejects ({@code filesUnaccounted == 0}): the reconciliation
     * every run checks. {@code bodiesSigned} are the distinct article bodies near-duplicate detection signed:
     * in an incremental run only the new ones, the archive's signatures being read from its state.
     */
    public record Result(long filesListed, long filesSkipped, long bytesListed, long filesRead, long filesUnaccounted,
                         long articles, long duplicates, long nearDuplicates, long duplicateGroups, long dated,
                         long undated, long rejects, Map<String, Long> rejectsByReason,
                         long bodiesSigned, double dedupSeconds) implements StageResult {
        public boolean reconciled() {
            return filesUnaccounted == 0;
        }

        @Override
        public String summary() {
            return String.format("ingest: %d files (%.1f MB, %d new or changed read now)%s -> %d articles "
                            + "(%d copies, %d of them near, in %d duplicate groups; %d dated, %d undated), %d rejected%s;"
                            + " %d new article bodies signed for near-duplicate detection",
                    filesListed, bytesListed / 1e6, filesRead,
                    filesSkipped > 0 ? ", " + filesSkipped + " other files skipped" : "",
                    articles, duplicates, nearDuplicates, duplicateGroups, dated, undated, rejects, reasons(),
                    bodiesSigned);
        }

        @Override
        public Optional<String> failure() {
            return reconciled() ? Optional.empty() : Optional.of(filesUnaccounted + " of " + filesListed
                    + " listed input files appear neither in articles nor in rejects");
        }

        private String reasons() {
            return rejectsByReason.isEmpty() ? "" : rejectsByReason.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
        }
    }

    private final Options options;

    public IngestStage(Options options) {
        this.options = options;
    }

    @Override
    public Signature signature() {
        return new Signature("ingest", List.of(), List.of(), List.of(Tables.ARTICLES, Tables.REJECTS, Tables.LEDGER,
                Tables.DUPLICATE_GROUPS, Tables.DEDUP_SIGNATURES, Tables.DEDUP_LINKS));
    }

    @Override
    public Result execute(StageContext context) {
        return new IngestRun(options, context).execute();
    }
}

