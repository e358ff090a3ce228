package newslens.tools.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import newslens.entities.kb.KnowledgeBase;

/**
 * Writes a synthetic Vietnamese news corpus for benchmarks and recall checks: articles built from the
 * project's own sentence templates ({@code newslens/tools/generate/templates.json}) and knowledge base, spread
 * over {@code days} days from {@link ArticleComposer#FIRST_DAY}, with the ground truth of every entity
 * planted in {@code <out>/_truth.jsonl}; with a {@link BurstPlan}, entities surge for a few days and
 * {@code <out>/_bursts.jsonl} says which and when. The same arguments give byte-identical output.
 *
 * <p>Layouts: {@code txt} writes {@code <out>/<source>/<yyyy-mm-dd>/<n>.txt}, one article per file with
 * a {@code HH:MM | dd/MM/yyyy} header; {@code jsonl} writes {@code <out>/feeds/part-NNNNN.jsonl} of
 * {@value #JSONL_LINES_PER_FILE} lines with {@code id}, {@code title}, {@code text}, {@code source} and
 * {@code published_at}. Articles are composed in parallel, batch by batch, so memory stays bounded.
 */
public final class CorpusGenerator {

    public static final String TRUTH_FILE = "_truth.jsonl";
    static final int JSONL_LINES_PER_FILE = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** A line of the {@code jsonl} layout. */
    record JsonArticle(String id, String title, String text, String source,
                       @JsonProperty("published_at") String publishedAt) {}

    private CorpusGenerator() {}

    public static GeneratedCorpus generate(Path out, int docs, String format, int days, long seed) {
        return generate(out, docs, format, days, seed, BurstPlan.NONE, NearCopyPlan.none());
    }

    /** As above, with the bursts of {@code plan} planted and their truth in {@code <out>/_bursts.jsonl}. */
    public static GeneratedCorpus generate(Path out, int docs, String format, int days, long seed, BurstPlan plan) {
        return generate(out, docs, format, days, seed, plan, NearCopyPlan.none());
    }

    /** As above, with syndicated near-copies planted by {@code copies} and their truth in {@code _copies.jsonl}. */
    public static GeneratedCorpus generate(Path out, int docs, String format, int days, long seed,
                                           NearCopyPlan copies) {
        return generate(out, docs, format, days, seed, BurstPlan.NONE, copies);
    }

    /** With planted bursts and planted near-copies, each with its ground truth beside the corpus. */
    public static GeneratedCorpus generate(Path out, int docs, String format, int days, long seed, BurstPlan plan,
                                           NearCopyPlan copies) {
        if (docs < 1) {
            throw new IllegalArgumentException("docs must be at least 1, got " + docs);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        if (!format.equals("txt") && !format.equals("jsonl")) {
            throw new IllegalArgumentException("format must be txt or jsonl, got '" + format + "'");
        }
        long started = System.nanoTime();
        TemplateBook book = TemplateBook.standard();
        EntityPool pool = new EntityPool(KnowledgeBase.load(), book);
        ArticleComposer composer = new ArticleComposer(book, pool);
        List<PlantedBurst> bursts = plan.place(seed, days, pool);
        List<String> burstSentences = bursts.isEmpty() ? List.of() : BurstPlan.sentences();
        Path truth = out.resolve(TRUTH_FILE);
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long mentions = 0;
        try {
            Files.createDirectories(out);
            try (BufferedWriter truthOut = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
                for (int batchStart = 0; batchStart < docs; batchStart += JSONL_LINES_PER_FILE) {
                    int batchEnd = Math.min(docs, batchStart + JSONL_LINES_PER_FILE);
                    List<GeneratedArticle> batch = IntStream.range(batchStart, batchEnd).parallel()
                            .mapToObj(i -> plan.plant(copies.compose(composer, seed, i, days), bursts, seed, i,
                                    burstSentences))
                            .toList();
                    if (format.equals("txt")) {
                        batch.parallelStream().forEach(a -> bytes.addAndGet(writeText(out, a)));
                        files.addAndGet(batch.size());
                    } else {
                        Path file = out.resolve("feeds").resolve(
                                String.format("part-%05d.jsonl", batchStart / JSONL_LINES_PER_FILE));
                        bytes.addAndGet(writeJsonLines(file, batch));
                        files.incrementAndGet();
                    }
                    for (GeneratedArticle article : batch) {
                        truthOut.write(JSON.writeValueAsString(truthOf(article)));
                        truthOut.write('\n');
                        mentions += article.mentions().size();
                    }
                }
            }
            if (!bursts.isEmpty()) {
                try (BufferedWriter burstsOut = Files.newBufferedWriter(out.resolve(BurstPlan.TRUTH_FILE),
                        StandardCharsets.UTF_8)) {
                    for (PlantedBurst burst : bursts) {
                        burstsOut.write(JSON.writeValueAsString(burst));
                        burstsOut.write('\n');
                    }
                }
            }
            copies.writeTruth(out, composer, seed, docs, days);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the corpus under " + out, e);
        }
        return new GeneratedCorpus(out, truth, format, docs, days, seed, files.get(), bytes.get(), mentions,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads {@code _bursts.jsonl} back. */
    public static List<PlantedBurst> readBursts(Path burstsFile) {
        try (var lines = Files.lines(burstsFile, StandardCharsets.UTF_8)) {
            return lines.map(line -> {
                try {
                    return JSON.readValue(line, PlantedBurst.class);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code _truth.jsonl} back. */
    public static List<TruthRecord> readTruth(Path truthFile) {
        try (var lines = Files.lines(truthFile, StandardCharsets.UTF_8)) {
            return lines.map(line -> {
                try {
                    return JSON.readValue(line, TruthRecord.class);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TruthRecord truthOf(GeneratedArticle article) {
        Map<String, Integer> counts = article.mentions().stream()
                .collect(Collectors.toMap(PlantedMention::entityId, m -> 1, Integer::sum, TreeMap::new));
        return new TruthRecord(article.docId(), article.source(), article.date().toString(), article.topic(),
                article.mentions(), counts);
    }

    private static long writeText(Path out, GeneratedArticle article) {
        Path file = out.resolve(article.docId() + ".txt");
        byte[] content = article.asTextFile().getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return content.length;
    }

    private static long writeJsonLines(Path file, List<GeneratedArticle> batch) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> lines = batch.parallelStream().map(a -> {
            try {
                return JSON.writeValueAsString(new JsonArticle(a.docId(), a.title(), a.asJsonText(), a.source(),
                        a.publishedAt()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
        return Files.size(file);
    }
}
