package newslens.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import newslens.tools.generate.CorpusGenerator;
import newslens.tools.generate.GeneratedCorpus;

/**
 * The input of the benchmark's "nightly batch" row: the archive as the full run read it, plus 1% new
 * articles, the way a cron user's input folder grows overnight. The input itself is never written to: the
 * benchmark reads it through a folder of symbolic links, one per top-level entry ({@link #mirror}), so the new
 * articles can be put beside the archive ({@link #addNewArticles}) with every archive file keeping its path,
 * its doc_id (derived from the path under the input folder) and its ledger row.
 */
final class NightlyBatch {
    /** Not hidden (no leading '.' or '_'), so ingest reads it; its doc_ids start with it, so none is reused. */
    static final String BATCH_FOLDER = "nightly-batch";
    /** A seed the benchmark's corpora are not generated with, so the new articles are new. */
    private static final long SEED = 20_261_206L;

    private NightlyBatch() {}

    /**
     * A folder under {@code workDir} whose entries link to those of {@code input}, emptied and linked anew;
     * null when {@code input} is not a local folder or links cannot be made (the row is then left out).
     */
    static Path mirror(Path input, Path workDir) {
        if (!Files.isDirectory(input)) {
            return null;
        }
        Path mirror = workDir.toAbsolutePath().resolve("input");
        try {
            Benchmark.deleteRecursively(mirror); // removes the links, never what they point to
            Files.createDirectories(mirror);
            try (Stream<Path> entries = Files.list(input)) {
                for (Path entry : entries.toList()) {
                    Files.createSymbolicLink(mirror.resolve(entry.getFileName().toString()), entry.toAbsolutePath());
                }
            }
            return mirror;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Writes 1% of {@code archiveArticles} (at least one) generated articles into the mirror's batch folder, one
     * text file each, all dated the generator's first day, so the night touches a few periods, as a real night
     * touches its own.
     */
    static GeneratedCorpus addNewArticles(Path mirror, long archiveArticles) {
        int docs = (int) Math.max(1, archiveArticles / 100);
        Path batch = mirror.resolve(BATCH_FOLDER);
        Benchmark.deleteRecursively(batch);
        return CorpusGenerator.generate(batch, docs, "txt", 1, SEED);
    }
}
