package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures legacy-encoding detection on the real articles in {@code ../shared/data/news-dev}: each article
 * is encoded into every legacy encoding by the test encoder and must decode to exactly the NFC original
 * under the right name; the same article squeezed through Latin-1 (Vietnamese letters lost to '?') must be
 * rejected. Skipped where the evaluation data is absent.
 */
@Tag("slow")
class LegacyEncodingDataTest {

    private static final Path ARTICLES = Path.of("../shared/data/news-dev/articles");

    @Test
    void detectsEveryLegacyEncodingOfRealArticles() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(ARTICLES), "evaluation data absent");
        List<String> articles = readArticles();
        Map<LegacyVietnameseCharset, int[]> outcomes = new EnumMap<>(LegacyVietnameseCharset.class);
        int latin1Accepted = 0;
        for (String article : articles) {
            for (LegacyVietnameseCharset charset : LegacyVietnameseCharset.values()) {
                int[] counts = outcomes.computeIfAbsent(charset, c -> new int[4]);
                String expected = LegacyEncodings.typeable(article, charset);
                if (!LegacyEncodings.canEncode(expected, charset)) {
                    counts[3]++;
                    continue;
                }
                DecodedInput decoded = InputDecoder.decode(LegacyEncodings.encode(expected, charset));
                if (decoded instanceof DecodedInput.Text text && text.text().equals(expected)
                        && text.charset().equals(charset.charsetName())) {
                    counts[0]++;
                } else if (decoded instanceof DecodedInput.Text) {
                    counts[1]++;
                } else {
                    counts[2]++;
                    System.out.println(charset + " rejected: " + ((DecodedInput.Failed) decoded).rejection().detail());
                }
            }
            if (InputDecoder.decode(article.getBytes(StandardCharsets.ISO_8859_1)) instanceof DecodedInput.Text) {
                latin1Accepted++;
            }
        }
        outcomes.forEach((charset, c) -> System.out.printf(
                "%s: %d decoded exactly, %d wrong, %d rejected, %d not encodable (of %d articles)%n",
                charset.charsetName(), c[0], c[1], c[2], c[3], articles.size()));
        System.out.printf("Latin-1 mangled: %d of %d accepted%n", latin1Accepted, articles.size());
        for (int[] counts : outcomes.values()) {
            assertEquals(0, counts[1], "a wrong decoding was accepted");
            assertTrue(counts[0] >= 0.98 * (counts[0] + counts[2]), "too many abstentions");
        }
        assertEquals(0, latin1Accepted);
    }

    private static List<String> readArticles() throws IOException {
        try (Stream<Path> files = Files.list(ARTICLES)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted()
                    .map(LegacyEncodingDataTest::readNfc)
                    .filter(text -> !text.isBlank())
                    .toList();
        }
    }

    private static String readNfc(Path file) {
        try {
            return Normalizer.normalize(Files.readString(file, StandardCharsets.UTF_8), Normalizer.Form.NFC);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
