package newslens.tools.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void sameSeedGivesByteIdenticalCorpusAndAnotherSeedDoesNot() {
        GeneratedCorpus first = CorpusGenerator.generate(temp.resolve("a"), 200, "txt", 10, 7L);
        CorpusGenerator.generate(temp.resolve("b"), 200, "txt", 10, 7L);
        CorpusGenerator.generate(temp.resolve("c"), 200, "txt", 10, 8L);
        assertEquals(contents(temp.resolve("a")), contents(temp.resolve("b")));
        assertTrue(!contents(temp.resolve("a")).equals(contents(temp.resolve("c"))));
        assertEquals(200, first.files());
    }

    @Test
    void textArticlesLookLikeNewsAndTruthSpansPointAtTheSurfaces() {
        GeneratedCorpus corpus = CorpusGenerator.generate(temp, 300, "txt", 30, 1L);
        double meanBytes = (double) corpus.bytes() / corpus.files();
        assertTrue(meanBytes > 1800 && meanBytes < 4500, "mean article size " + meanBytes);
        List<TruthRecord> truth = CorpusGenerator.readTruth(corpus.truth());
        assertEquals(300, truth.size());
        assertTrue(truth.stream().map(TruthRecord::source).distinct().count() >= 3);
        assertTrue(truth.stream().map(TruthRecord::date).distinct().count() > 20);
        for (TruthRecord record : truth) {
            String file = read(temp.resolve(record.docId() + ".txt"));
            assertTrue(file.matches("(?s)[^\n]+\n\n\\d\\d:\\d\\d \\| \\d\\d/\\d\\d/\\d{4}\n\n.*"), record.docId());
            for (PlantedMention m : record.mentions()) {
                assertEquals(m.surface().length(), m.end() - m.start());
                assertTrue(file.contains(m.surface()), m.surface());
            }
        }
        assertTrue(corpus.mentions() > 300 * 4, "mentions planted: " + corpus.mentions());
    }

    @Test
    void jsonLinesCorpusHoldsOneArticlePerLine() throws IOException {
        GeneratedCorpus corpus = CorpusGenerator.generate(temp, 120, "jsonl", 5, 3L);
        Path feed = temp.resolve("feeds").resolve("part-00000.jsonl");
        assertEquals(120, Files.readAllLines(feed).size());
        assertEquals(1, corpus.files());
        assertTrue(Files.readString(feed).contains("\"published_at\":\"2024-01-0"));
    }

    private static Map<String, String> contents(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            Map<String, String> byPath = new TreeMap<>();
            files.filter(Files::isRegularFile).forEach(f -> byPath.put(root.relativize(f).toString(), read(f)));
            return byPath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
