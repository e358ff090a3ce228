package newslens.entities.rules;

import newslens.entities.Mention;
import newslens.entities.eval.NerEvaluation;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import newslens.TestData;
import newslens.tools.generate.CorpusGenerator;
import newslens.ingest.ArticleParser;
import newslens.text.TextNormalizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Speed of {@link EntityRecognizer#recognize} alone, on a generated corpus and on the ner-dev articles; run
 * with {@code -Dnewslens.perf=true}. The first pass over each corpus also writes every mention to
 * {@code <newslens.perf.out>/mentions-<corpus>.tsv} (default {@code /tmp/perf-mentions}), so that two versions
 * of the recogniser can be checked for identical output with {@code diff}.
 *
 * <p>Options: {@code newslens.perf.corpus} (generated corpus folder, created when missing; default
 * {@code /tmp/perf-corpus}), {@code newslens.perf.reps} (timed passes per corpus; default 5),
 * {@code newslens.perf.corpora} (which to run; default {@code generated,ner-dev}).
 */
@EnabledIfSystemProperty(named = "newslens.perf", matches = "true")
@Tag("slow")
class RecognizerSpeedTest {

    /** A fixed date so office titles resolve to holders and the role pass is measured too. */
    private static final LocalDate PUBLICATION_DATE = LocalDate.of(2024, 6, 1);
    private static final int GENERATED_ARTICLES = 3000;

    private record Doc(String name, String text) {
    }

    @Test
    void articlesPerSecond() throws IOException {
        Path out = Path.of(System.getProperty("newslens.perf.out", "/tmp/perf-mentions"));
        int reps = Integer.getInteger("newslens.perf.reps", 5);
        EntityRecognizer recognizer = EntityRecognizer.standard();
        List<String> corpora = List.of(System.getProperty("newslens.perf.corpora", "generated,ner-dev").split(","));
        Files.createDirectories(out);
        if (corpora.contains("generated")) {
            measure("generated", generatedDocs(), recognizer, out, reps);
        }
        if (corpora.contains("ner-dev")) {
            measure("ner-dev", nerDevDocs(), recognizer, out, reps);
        }
    }

    private static void measure(String corpus, List<Doc> docs, EntityRecognizer recognizer, Path out, int reps)
            throws IOException {
        assertFalse(docs.isEmpty(), corpus + " has no articles");
        long chars = docs.stream().mapToLong(d -> d.text().length()).sum();
        long mentions = writeMentions(docs, recognizer, out.resolve("mentions-" + corpus + ".tsv"));
        System.out.printf("%s: %d articles, %d chars, %d mentions%n", corpus, docs.size(), chars, mentions);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestWall = 0;
        double bestCpu = 0;
        for (int rep = 0; rep < reps; rep++) {
            long wallStart = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long count = 0;
            for (Doc doc : docs) {
                count += recognizer.recognize(doc.text(), PUBLICATION_DATE).size();
            }
            double wall = docs.size() / ((System.nanoTime() - wallStart) / 1e9);
            // CPU time too: on a shared machine the wall clock also measures the other jobs.
            double cpu = docs.size() / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            bestWall = Math.max(bestWall, wall);
            bestCpu = Math.max(bestCpu, cpu);
            System.out.printf("%s rep %d: %.0f articles/s wall, %.0f articles/s CPU (%d mentions)%n",
                    corpus, rep + 1, wall, cpu, count);
        }
        System.out.printf("%s best of %d: %.0f articles/s wall, %.0f articles/s CPU%n", corpus, reps, bestWall,
                bestCpu);
    }

    private static long writeMentions(List<Doc> docs, EntityRecognizer recognizer, Path file) throws IOException {
        long count = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Doc doc : docs) {
                for (Mention m : recognizer.recognize(doc.text(), PUBLICATION_DATE)) {
                    writer.write(String.join("\t", doc.name(), Integer.toString(m.sentence()),
                            Integer.toString(m.start()), Integer.toString(m.end()), m.surface(), m.entityId(),
                            m.entityType(), m.method(), Double.toString(m.confidence()), m.canonicalName()));
                    writer.write('\n');
                    count++;
                }
            }
        }
        return count;
    }

    /** Article bodies as ingest hands them to the recogniser (boilerplate and title removed). */
    private static List<Doc> generatedDocs() throws IOException {
        Path dir = Path.of(System.getProperty("newslens.perf.corpus", "/tmp/perf-corpus"));
        if (!Files.isDirectory(dir)) {
            CorpusGenerator.generate(dir, GENERATED_ARTICLES, "txt", 30, 1);
        }
        List<Doc> docs = new ArrayList<>();
        for (Path file : textFiles(dir)) {
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            docs.add(new Doc(dir.relativize(file).toString(), ArticleParser.parse(raw).body()));
        }
        return docs;
    }

    /** The ner-dev articles in NFC, as {@link NerEvaluation} reads them. */
    private static List<Doc> nerDevDocs() throws IOException {
        Path dir = TestData.shared("ner-dev", "docs");
        List<Doc> docs = new ArrayList<>();
        for (Path file : textFiles(dir)) {
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            docs.add(new Doc(file.getFileName().toString(), TextNormalizer.nfc(raw)));
        }
        return docs;
    }

    private static List<Path> textFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }
}
