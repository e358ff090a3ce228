package newslens.ingest.dedup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import newslens.ingest.ArticleExtractor;
import newslens.ingest.IngestOutcome;
import newslens.ingest.InputFile;
import newslens.tools.generate.CorpusGenerator;
import newslens.tools.generate.NearCopyPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants syndicated near-copies in a generated corpus, reads it the way ingest does, and checks that the
 * groups found are the planted ones (pairs of articles sharing a group, precision and recall at least 0.99).
 * Also prints the cost per article of shingles and signature, the part that runs once per article.
 */
class GeneratedNearCopiesTest {

    private static final int ARTICLES = 2_000;

    @TempDir
    Path temp;

    @Test
    void findsThePlantedCopies() throws IOException {
        CorpusGenerator.generate(temp, ARTICLES, "txt", 30, 17L, new NearCopyPlan(0.1));
        List<NearDuplicateFinder.Input> articles = read(temp);
        Map<String, String> originalOf = new HashMap<>();
        NearCopyPlan.readTruth(temp.resolve(NearCopyPlan.COPIES_FILE))
                .forEach(copy -> originalOf.put(copy.docId(), copy.original()));

        Set<String> planted = new HashSet<>();
        Map<String, List<String>> byOriginal = new HashMap<>();
        originalOf.forEach((copy, original) -> byOriginal.computeIfAbsent(original, o -> new ArrayList<>(List.of(o)))
                .add(copy));
        byOriginal.values().forEach(group -> addPairs(group, planted));

        long started = System.nanoTime();
        List<DuplicateGroups.Group> groups = new NearDuplicateFinder(newslens.app.JobConfig.load(null).dedup()).find(articles);
        long findMillis = (System.nanoTime() - started) / 1_000_000;
        Set<String> found = new HashSet<>();
        for (DuplicateGroups.Group group : groups) {
            List<String> ids = new ArrayList<>(List.of(group.head()));
            group.members().forEach(m -> ids.add(m.docId()));
            addPairs(ids, found);
        }
        long correct = found.stream().filter(planted::contains).count();
        double precision = found.isEmpty() ? 0 : (double) correct / found.size();
        double recall = (double) correct / planted.size();
        System.out.printf("generated: %d articles, %d planted copies in %d groups (%d pairs); found %d groups"
                        + " (%d pairs): precision %.4f, recall %.4f; finding took %d ms%n", articles.size(),
                originalOf.size(), byOriginal.size(), planted.size(), groups.size(), found.size(), precision, recall,
                findMillis);
        Set<String> wrong = new HashSet<>(found);
        wrong.removeAll(planted);
        Set<String> missed = new HashSet<>(planted);
        missed.removeAll(found);
        assertTrue(precision >= 0.99, "grouped but not planted: " + wrong);
        assertTrue(recall >= 0.99, "planted but not grouped: " + missed);

        printSigningCost(articles);
    }

    /**
     * CPU microseconds per article of shingling, and of signing with band keys: the best of five passes (the
     * first ones warm the JIT up; the machine is shared, so the best pass is the least disturbed one).
     */
    private static void printSigningCost(List<NearDuplicateFinder.Input> articles) {
        DedupOptions options = newslens.app.JobConfig.load(null).dedup();
        Shingles shingles = new Shingles(options.shingleSize());
        MinHashFamily family = MinHashFamily.of(options);
        LshBands bands = LshBands.of(options);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long bestShingleNanos = Long.MAX_VALUE;
        long bestSignNanos = Long.MAX_VALUE;
        long totalShingles = 0;
        long totalChars = articles.stream().mapToLong(a -> a.body().length()).sum();
        for (int pass = 0; pass < 5; pass++) {
            List<long[]> sets = new ArrayList<>(articles.size());
            long t0 = threads.getCurrentThreadCpuTime();
            for (NearDuplicateFinder.Input article : articles) {
                sets.add(shingles.of(article.body()));
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (long[] set : sets) {
                sink += bands.keys(family.sign(set))[0];
            }
            long t2 = threads.getCurrentThreadCpuTime();
            bestShingleNanos = Math.min(bestShingleNanos, t1 - t0);
            bestSignNanos = Math.min(bestSignNanos, t2 - t1);
            totalShingles = sets.stream().mapToLong(set -> set.length).sum();
        }
        System.out.printf("per article (%d body chars, %d shingles on average), CPU time of one thread: shingles"
                        + " %.1f µs, signature and band keys %.1f µs, together %.1f µs (%d)%n",
                totalChars / articles.size(), totalShingles / articles.size(),
                bestShingleNanos / 1e3 / articles.size(), bestSignNanos / 1e3 / articles.size(),
                (bestShingleNanos + bestSignNanos) / 1e3 / articles.size(), sink & 1);
    }

    private static List<NearDuplicateFinder.Input> read(Path root) throws IOException {
        ArticleExtractor extractor = new ArticleExtractor(10_000_000, LocalDate.of(2024, 1, 1));
        List<NearDuplicateFinder.Input> articles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String relative = root.relativize(file).toString();
                InputFile input = new InputFile(file.toString(), relative, Files.size(file), 0);
                for (IngestOutcome outcome : extractor.extract(input, Files.readAllBytes(file))) {
                    if (outcome instanceof IngestOutcome.Article a) {
                        articles.add(new NearDuplicateFinder.Input(a.docId(), a.contentHash(), a.publishedDate(),
                                a.text()));
                    }
                }
            }
        }
        return articles;
    }

    private static void addPairs(List<String> ids, Set<String> pairs) {
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String b = ids.get(j);
                pairs.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
            }
        }
    }
}
