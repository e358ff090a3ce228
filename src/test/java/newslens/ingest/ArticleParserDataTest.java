package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import newslens.ingest.ArticleParser.Outcome;
import newslens.ingest.ArticleParser.Removal;
import newslens.text.TextNormalizer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The parser on the shared evaluation data (read in place, never copied); skipped where it is absent. */
@Tag("slow")
class ArticleParserDataTest {

    private static final Path DATA = Path.of("../shared/data");
    private static final Path SEEDS = DATA.resolve("seeds");
    private static final Path DEV_ARTICLES = DATA.resolve("news-dev/articles");

    @Test
    void seed000KeepsItsCaptionWordsWithoutTheCredit() throws IOException {
        String text = seed("000_");
        ParsedArticle article = ArticleParser.parse(text);
        assertEquals(firstLine(text), article.title());
        assertFalse(article.body().contains("Ảnh: Reuters"));
        assertTrue(article.body().lines().noneMatch(line -> line.endsWith("|")));
        // Every line but the title is kept: the caption's words name who is pictured, only its credit goes.
        assertEquals(contentLines(text) - 1, article.body().lines().count());
    }

    @Test
    void seed002YieldsHeaderUrlAndACleanBody() throws IOException {
        String text = seed("002_");
        ParsedArticle article = ArticleParser.parse(text);
        assertEquals(firstLine(text), article.title());
        assertEquals("09:11 | 24/10/2018", article.headerTimestamp());
        String linkLine = TextNormalizer.normalize(text).lines().filter(line -> line.startsWith("Đường dẫn bài viết:")).findFirst().orElseThrow();
        assertEquals(linkLine.substring(linkLine.indexOf("https://")).strip(), article.url());
        assertTrue(article.url().startsWith("https://thoidai.com.vn/"), article.url());
        String body = article.body();
        assertFalse(body.contains("Ảnh: Reuters"));
        assertFalse(body.contains("ong putin va"));
        assertFalse(body.contains("In bài viết"));
        assertFalse(body.contains("Đường dẫn bài viết"));
        assertFalse(body.contains("09:11"));
        assertTrue(body.lines().noneMatch("N.H"::equals));
        assertFalse(body.contains(article.title()));
    }

    @Test
    void seed003YieldsItsSource() throws IOException {
        String text = seed("003_");
        ParsedArticle article = ArticleParser.parse(text);
        assertEquals(firstLine(text), article.title());
        assertEquals("dangcongsan.vn", article.source());
        assertFalse(article.body().contains("(Ảnh: TASS)"));
        assertFalse(article.body().contains("Nguồn:"));
    }

    @Test
    void everyDevArticleDecodesAndParses() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DEV_ARTICLES), "no " + DEV_ARTICLES);
        List<Path> files;
        try (Stream<Path> listing = Files.list(DEV_ARTICLES)) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(693, files.size());
        Map<Removal, Integer> articlesWith = new EnumMap<>(Removal.class);
        long started = System.nanoTime();
        for (Path file : files) {
            DecodedInput decoded = InputDecoder.decode(Files.readAllBytes(file));
            DecodedInput.Text text = assertInstanceOf(DecodedInput.Text.class, decoded, file + ": " + decoded);
            Outcome outcome = ArticleParser.parseWithRemovals(text.text());
            assertFalse(outcome.article().title().isEmpty(), file + " has no title");
            assertFalse(outcome.article().body().isEmpty(), file + " has no body");
            outcome.removals().keySet().forEach(kind -> articlesWith.merge(kind, 1, Integer::sum));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        StringBuilder report = new StringBuilder();
        for (Removal kind : Removal.values()) {
            report.append(' ').append(kind).append('=').append(articlesWith.getOrDefault(kind, 0));
        }
        System.out.printf("news-dev: %d articles decoded and parsed in %d ms; articles with removed lines:%s%n",
                files.size(), millis, report);
        assertTrue(articlesWith.getOrDefault(Removal.CAPTION_LINE, 0) > 0);
    }

    private static String seed(String prefix) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "no " + SEEDS);
        try (Stream<Path> listing = Files.list(SEEDS)) {
            Path file = listing.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            DecodedInput decoded = InputDecoder.decode(Files.readAllBytes(file));
            return assertInstanceOf(DecodedInput.Text.class, decoded, file + ": " + decoded).text();
        }
    }

    private static String firstLine(String text) {
        return TextNormalizer.normalize(text).lines().findFirst().orElseThrow();
    }

    private static long contentLines(String text) {
        return text.lines().filter(line -> !line.isBlank()).count();
    }
}
