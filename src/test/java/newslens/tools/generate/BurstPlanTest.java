package newslens.tools.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BurstPlanTest {

    @TempDir
    Path temp;

    @Test
    void plantedPersonsSurgeOnTheirDaysOnlyAndOtherArticlesAreUnchanged() throws IOException {
        Path plain = temp.resolve("plain");
        Path planted = temp.resolve("planted");
        CorpusGenerator.generate(plain, 1500, "txt", 60, 9L);
        CorpusGenerator.generate(planted, 1500, "txt", 60, 9L, new BurstPlan(2, 3, 5, 0.4));
        assertFalse(Files.exists(plain.resolve(BurstPlan.TRUTH_FILE)), "no burst truth when none was asked for");

        List<PlantedBurst> bursts = CorpusGenerator.readBursts(planted.resolve(BurstPlan.TRUTH_FILE));
        assertEquals(2, bursts.size());
        List<TruthRecord> truth = CorpusGenerator.readTruth(planted.resolve(CorpusGenerator.TRUTH_FILE));
        List<TruthRecord> plainTruth = CorpusGenerator.readTruth(plain.resolve(CorpusGenerator.TRUTH_FILE));
        for (PlantedBurst burst : bursts) {
            LocalDate start = LocalDate.parse(burst.start());
            LocalDate end = LocalDate.parse(burst.end());
            assertTrue(!start.isBefore(ArticleComposer.FIRST_DAY.plusDays(20)), "a quiet baseline before " + start);
            long days = end.toEpochDay() - start.toEpochDay() + 1;
            assertTrue(days >= 3 && days <= 5, burst.toString());
            Map<Boolean, Double> shareInside = truth.stream().collect(Collectors.partitioningBy(
                    r -> !LocalDate.parse(r.date()).isBefore(start) && !LocalDate.parse(r.date()).isAfter(end),
                    Collectors.averagingDouble(r -> r.counts().containsKey(burst.entityId()) ? 1 : 0)));
            assertTrue(shareInside.get(true) > 0.3, burst + " named in " + shareInside);
            assertTrue(shareInside.get(false) < 0.05, burst + " named in " + shareInside);
        }
        int changed = 0;
        for (int i = 0; i < truth.size(); i++) {
            TruthRecord record = truth.get(i);
            String file = Files.readString(planted.resolve(record.docId() + ".txt"));
            if (!file.equals(Files.readString(plain.resolve(record.docId() + ".txt")))) {
                changed++;
                assertTrue(bursts.stream().anyMatch(b -> record.date().compareTo(b.start()) >= 0
                        && record.date().compareTo(b.end()) <= 0), record.docId() + " changed outside a burst");
                PlantedMention added = record.mentions().get(record.mentions().size() - 1);
                String body = String.join("\n", bodyParagraphs(file));
                assertEquals(added.surface(), body.substring(added.start(), added.end()));
            } else {
                assertEquals(plainTruth.get(i), record);
            }
        }
        assertTrue(changed > 20, "articles with a burst sentence: " + changed);
    }

    @Test
    void aCorpusTooShortForItsBurstsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CorpusGenerator.generate(temp, 10, "txt", 9, 1L, new BurstPlan(2, 3, 5, 0.4)));
        assertTrue(e.getMessage().contains("2 bursts of up to 5 days"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BurstPlan(1, 4, 3, 0.4));
        assertThrows(IllegalArgumentException.class, () -> new BurstPlan(1, 3, 5, 0));
    }

    /** The body as ingest keeps it: the paragraphs of the file, without title, header and caption. */
    private static List<String> bodyParagraphs(String file) {
        List<String> blocks = new java.util.ArrayList<>(List.of(file.split("\n\n")));
        blocks.remove(0);   // title
        blocks.remove(0);   // header
        blocks.remove(1);   // caption after the first paragraph
        blocks.removeIf(b -> b.startsWith("Nguồn:"));
        return blocks.stream().map(String::strip).toList();
    }
}
