package newslens.tools.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearCopyPlanTest {

    @TempDir
    Path temp;

    @Test
    void noCopiesByDefault() {
        CorpusGenerator.generate(temp, 50, "txt", 5, 2L);
        assertFalse(Files.exists(temp.resolve(NearCopyPlan.COPIES_FILE)));
    }

    @Test
    void copiesComeFromAnotherOutletWithinADayWithSmallEditsAndTrueSpans() throws IOException {
        CorpusGenerator.generate(temp, 400, "txt", 20, 4L, new NearCopyPlan(0.1));
        List<NearCopyPlan.CopyTruth> copies = NearCopyPlan.readTruth(temp.resolve(NearCopyPlan.COPIES_FILE));
        assertTrue(copies.size() > 20 && copies.size() < 70, "copies planted: " + copies.size());
        Map<String, TruthRecord> truth = CorpusGenerator.readTruth(temp.resolve(CorpusGenerator.TRUTH_FILE)).stream()
                .collect(Collectors.toMap(TruthRecord::docId, Function.identity()));
        assertEquals(400, truth.size());
        int edited = 0;
        for (NearCopyPlan.CopyTruth copy : copies) {
            TruthRecord copyTruth = truth.get(copy.docId());
            TruthRecord originalTruth = truth.get(copy.original());
            assertNotEquals(originalTruth.source(), copyTruth.source(), copy.docId());
            long days = ChronoUnit.DAYS.between(LocalDate.parse(originalTruth.date()),
                    LocalDate.parse(copyTruth.date()));
            assertTrue(days == 0 || days == 1, copy.docId());
            String copyFile = Files.readString(temp.resolve(copy.docId() + ".txt"));
            String originalFile = Files.readString(temp.resolve(copy.original() + ".txt"));
            String copyBody = body(copyFile);
            if (!copyBody.equals(body(originalFile))) {
                edited++;
            }
            for (PlantedMention m : copyTruth.mentions()) {
                assertEquals(m.surface(), copyBody.substring(m.start(), m.end()), copy.docId());
            }
        }
        assertTrue(edited > copies.size() / 2, "copies with an edited body: " + edited + " of " + copies.size());
    }

    @Test
    void sameSeedPlantsTheSameCopies() throws IOException {
        CorpusGenerator.generate(temp.resolve("a"), 150, "jsonl", 5, 9L, new NearCopyPlan(0.2));
        CorpusGenerator.generate(temp.resolve("b"), 150, "jsonl", 5, 9L, new NearCopyPlan(0.2));
        for (String file : List.of(NearCopyPlan.COPIES_FILE, "feeds/part-00000.jsonl")) {
            assertEquals(Files.readString(temp.resolve("a").resolve(file)),
                    Files.readString(temp.resolve("b").resolve(file)));
        }
    }

    @Test
    void rateOutsideItsRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NearCopyPlan(1.0));
        assertThrows(IllegalArgumentException.class, () -> new NearCopyPlan(-0.1));
    }

    /** The paragraphs of a .txt article as the generator's truth counts them: no title, header or caption. */
    private static String body(String file) {
        String[] blocks = file.split("\n\n");
        StringBuilder body = new StringBuilder();
        for (int i = 2; i < blocks.length; i++) {
            if (i == 3 || blocks[i].startsWith("Nguồn: ")) {
                continue; // the photo caption after the first paragraph, the attribution line
            }
            body.append(body.length() > 0 ? "\n" : "").append(blocks[i].strip());
        }
        return body.toString();
    }
}
