package newslens.entities.rules;

import newslens.entities.Mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The acceptance cases of the three seed articles in {@code ../shared/data/seeds} (skipped when absent). */
class SeedArticlesTest {

    private static final Path SEEDS = Path.of("..", "shared", "data", "seeds");
    private static EntityRecognizer recognizer;

    @BeforeAll
    static void buildRecognizer() {
        recognizer = EntityRecognizer.standard();
    }

    private static String seed(String prefix) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "seed articles not present");
        try (var files = Files.list(SEEDS)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Normalizer.normalize(Files.readString(file), Normalizer.Form.NFC);
        }
    }

    private static Set<String> idsOf(List<Mention> mentions, String surfaceContains) {
        return mentions.stream().filter(m -> m.surface().contains(surfaceContains)).map(Mention::entityId)
                .collect(Collectors.toSet());
    }

    @Test
    void everyFormOfALeaderIsOneEntity() throws IOException {
        for (String prefix : List.of("000", "002", "003")) {
            List<Mention> mentions = recognizer.recognize(seed(prefix), null);
            for (String name : List.of("Putin", "Trump", "Lavrov")) {
                Set<String> ids = idsOf(mentions, name);
                assertTrue(ids.size() <= 1, prefix + " " + name + " -> " + ids);
            }
        }
        assertEquals(Set.of("per:vladimir_putin"), idsOf(recognizer.recognize(seed("002"), null), "Putin"));
        assertEquals(Set.of("per:donald_trump"), idsOf(recognizer.recognize(seed("003"), null), "Trump"));
        assertEquals(Set.of("per:sergei_lavrov"), idsOf(recognizer.recognize(seed("003"), null), "Lavrov"));
    }

    @Test
    void officeTitlesResolveToTheHolderOfTheDay() throws IOException {
        List<Mention> seed002 = recognizer.recognize(seed("002"), LocalDate.of(2018, 10, 24));
        List<Mention> seed003 = recognizer.recognize(seed("003"), LocalDate.of(2017, 5, 10));
        assertEquals(Set.of("per:vladimir_putin"), roleIds(seed002, "Tổng thống Nga"));
        assertEquals(Set.of("per:vladimir_putin"), roleIds(seed003, "Tổng thống Nga"));
        assertEquals(Set.of("per:donald_trump"), roleIds(seed002, "Tổng thống Mỹ"));
        assertTrue(seed003.stream().anyMatch(m -> m.surface().equals("Barack Obama")
                && m.entityId().equals("per:barack_obama")));
        assertTrue(roleIds(seed003, "Tổng thống Barack").isEmpty());
    }

    private static Set<String> roleIds(List<Mention> mentions, String surface) {
        return mentions.stream().filter(m -> m.method().equals(Mention.KB_ROLE) && m.surface().equals(surface))
                .map(Mention::entityId).collect(Collectors.toSet());
    }

    @Test
    void landmarksTreatiesAndPairs() throws IOException {
        String text = seed("000");
        List<Mention> mentions = recognizer.recognize(text, LocalDate.of(2019, 6, 29));
        assertTrue(hasMention(mentions, "Nhà Trắng", "ORG"));
        assertTrue(hasMention(mentions, "Điện Kremlin", "ORG"));
        assertTrue(hasMention(mentions, "G20", "ORG"));
        assertTrue(hasMention(mentions, "INF", "MISC"));
        int pair = text.indexOf("Nga-Mỹ");
        assertTrue(mentions.stream().anyMatch(m -> m.start() == pair && m.surface().equals("Nga")));
        assertTrue(mentions.stream().anyMatch(m -> m.start() == pair + 4 && m.surface().equals("Mỹ")));
        int names = text.indexOf("Putin-Trump");
        assertTrue(mentions.stream().anyMatch(m -> m.start() == names && m.entityId().equals("per:vladimir_putin")));
        assertTrue(mentions.stream().anyMatch(m -> m.start() == names + 6 && m.entityId().equals("per:donald_trump")));
        // "hai Tổng thống", "Tổng thống Nga-Mỹ": no single holder.
        assertTrue(mentions.stream().noneMatch(m -> m.method().equals(Mention.KB_ROLE)
                && text.startsWith("Tổng thống Nga-", m.start())));
        mentions.forEach(m -> assertEquals(text.substring(m.start(), m.end()), m.surface()));
    }

    private static boolean hasMention(List<Mention> mentions, String surface, String type) {
        return mentions.stream().anyMatch(m -> m.surface().equals(surface) && m.entityType().equals(type));
    }
}
