package newslens.tools.generate;

import java.nio.file.Path;

/**
 * What {@link CorpusGenerator#generate} wrote.
 *
 * @param root     the corpus folder (input of ingest)
 * @param truth    {@code <root>/_truth.jsonl}, hidden from ingest by its leading underscore
 * @param files    article files written (txt: one per article; jsonl: one per 10,000 articles)
 * @param bytes    bytes of those files
 * @param mentions entity mentions planted in the article bodies
 */
public record GeneratedCorpus(Path root, Path truth, String format, int docs, int days, long seed, long files,
                              long bytes, long mentions, long millis) {}
