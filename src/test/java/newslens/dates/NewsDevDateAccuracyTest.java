package newslens.dates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the resolver on the news-dev evaluation set ({@code ../shared/data/news-dev}, skipped when absent):
 * 500 UNC articles dated by their publisher's URL, 193 ViMs articles without a date.
 */
@Tag("slow")
class NewsDevDateAccuracyTest {

    private static final Path NEWS_DEV =
            Path.of(System.getProperty("newslens.projectDir", "."), "..", "shared", "data", "news-dev");
    private static final double REQUIRED_ACCURACY = 0.98;

    private record Article(String id, String title, String text, String url, LocalDate gold) { }

    private static final PublicationDateResolver RESOLVER = new PublicationDateResolver();
    private static List<Article> articles;

    @BeforeAll
    static void load() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(NEWS_DEV), "news-dev data not present");
        Map<String, LocalDate> gold = new HashMap<>();
        List<String> csv = Files.readAllLines(NEWS_DEV.resolve("gold.csv"));
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1); // id,corpus,date,datetime,topic,cluster_id,url
            gold.put(f[0], f[2].isEmpty() ? null : LocalDate.parse(f[2]));
        }
        ObjectMapper json = new ObjectMapper();
        articles = new ArrayList<>();
        for (String line : Files.readAllLines(NEWS_DEV.resolve("articles.jsonl"))) {
            JsonNode a = json.readTree(line);
            String text = a.get("text").asText();
            String id = a.get("id").asText();
            articles.add(new Article(id, text.split("\n", 2)[0], text,
                    a.hasNonNull("url") ? a.get("url").asText() : null, gold.get(id)));
        }
    }

    private static DateResolution resolve(Article a, boolean withUrl) {
        String header = newslens.ingest.ArticleParser.parse(a.text()).headerTimestamp();
        return RESOLVER.resolve(new DateEvidence(null, header, withUrl ? a.url() : null, a.title(), a.text(), null));
    }

    @Test
    void datesNearlyEveryGoldArticleAndIsNeverSureWithoutEvidence() {
        long started = System.nanoTime();
        Tally tally = new Tally();
        List<String> overconfident = new ArrayList<>();
        for (Article a : articles) {
            DateResolution r = resolve(a, true);
            if (a.gold() == null) {
                if (r.confidence() > PublicationDateResolver.SURE) overconfident.add(a.id() + " " + r);
            } else {
                tally.add(r, a.gold());
            }
        }
        double msPerArticle = (System.nanoTime() - started) / 1e6 / articles.size();
        tally.print("news-dev dates, all evidence", msPerArticle);
        assertTrue(tally.accuracy() >= REQUIRED_ACCURACY, () -> "accuracy " + tally.accuracy());
        assertTrue(overconfident.isEmpty(), () -> "undated articles dated above SURE: " + overconfident);
    }

    /** The same articles with their URLs withheld: what the text alone is worth. Reported, not required. */
    @Test
    void textAloneIsReported() {
        Tally tally = new Tally();
        for (Article a : articles) {
            if (a.gold() != null) tally.add(resolve(a, false), a.gold());
        }
        tally.print("news-dev dates, URL withheld", Double.NaN);
    }

    /**
     * News is published on the dateline's day or the next: which rule matches the publisher's date more often?
     * The dateline's year is set from the gold so that only the day rule is measured.
     */
    @Test
    void datelineDayIsMostOftenThePublicationDay() {
        Map<String, Integer> goldMinusDateline = new TreeMap<>();
        int datelines = 0;
        for (Article a : articles) {
            if (a.gold() == null) continue;
            Optional<TemporalMention> found = RESOLVER.dateline(RESOLVER.read(a.title(), a.text()));
            if (found.isEmpty()) continue;
            TemporalMention m = found.get();
            TemporalMention inGoldYear = new TemporalMention(m.start(), m.end(), m.surface(), a.gold().getYear(),
                    m.month(), m.day(), m.hour(), m.minute(), m.granularity(), m.partOfDay(), m.relative());
            Optional<LocalDate> day = PublicationDateResolver.publicationDay(inGoldYear,
                    YearContext.of(List.of(), x -> false));
            if (day.isEmpty()) continue;
            datelines++;
            long days = a.gold().toEpochDay() - day.get().toEpochDay();
            goldMinusDateline.merge(Math.abs(days) <= 3 ? String.format("%+d", days) : "further", 1, Integer::sum);
        }
        int sameDay = goldMinusDateline.getOrDefault("+0", 0);
        int nextDay = goldMinusDateline.getOrDefault("+1", 0);
        System.out.printf("news-dev datelines: %d of %d dated articles; publisher's date minus dateline day: %s%n"
                        + "  same-day rule right %.1f%%, next-day rule right %.1f%%%n",
                datelines, articles.stream().filter(a -> a.gold() != null).count(), goldMinusDateline,
                100.0 * sameDay / datelines, 100.0 * nextDay / datelines);
        assertTrue(sameDay > nextDay, "the resolver dates an article on its dateline's day");
    }

    private static final class Tally {
        private final Map<String, int[]> bySource = new TreeMap<>();
        private int total;
        private int dated;
        private int correct;

        void add(DateResolution r, LocalDate gold) {
            total++;
            String key = r.source() == null ? "none" : r.source() + " @" + r.confidence();
            int[] counts = bySource.computeIfAbsent(key, k -> new int[2]);
            counts[0]++;
            if (r.date() != null) dated++;
            if (gold.equals(r.date())) {
                correct++;
                counts[1]++;
            }
        }

        double accuracy() {
            return (double) correct / total;
        }

        void print(String title, double msPerArticle) {
            System.out.printf("%s: accuracy %d/%d = %.1f%%, coverage %d/%d = %.1f%%, precision %.1f%%%s%n",
                    title, correct, total, 100 * accuracy(), dated, total, 100.0 * dated / total,
                    100.0 * correct / Math.max(1, dated),
                    Double.isNaN(msPerArticle) ? "" : String.format(", %.2f ms/article", msPerArticle));
            bySource.forEach((source, c) -> System.out.printf("  %-16s %4d articles, %4d right%n", source, c[0], c[1]));
        }
    }
}
