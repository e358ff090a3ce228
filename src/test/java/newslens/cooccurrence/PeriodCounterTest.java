package newslens.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newslens.cooccurrence.ArticleCounts.Mention;
import newslens.cooccurrence.PeriodCounter.Count;
import newslens.cooccurrence.PeriodCounter.Kind;
import org.junit.jupiter.api.Test;

class PeriodCounterTest {

    private static ArticleCounts article(Object... sentenceAndEntity) {
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < sentenceAndEntity.length; i += 2) {
            mentions.add(new Mention((Integer) sentenceAndEntity[i], (String) sentenceAndEntity[i + 1]));
        }
        return ArticleCounts.of(mentions, 50);
    }

    @Test
    void articleCountsWindowsPairsAndMentions() {
        // sentence 0: a, b, a; sentence 1: b, c. Document: a 2, b 2, c 1.
        ArticleCounts counts = article(0, "a", 0, "b", 0, "a", 1, "b", 1, "c");
        assertEquals(Map.of("a", 2L, "b", 2L, "c", 1L), counts.mentionsPerEntity());
        ArticleCounts.Scope sentence = counts.scopes().get(0);
        assertEquals(2, sentence.windows());
        assertEquals(Map.of("a", 1L, "b", 2L, "c", 1L), sentence.windowsPerEntity());
        assertEquals(List.of(new ArticleCounts.Pair("a", "b", 1), new ArticleCounts.Pair("b", "c", 1)),
                sentence.pairs());
        ArticleCounts.Scope document = counts.scopes().get(1);
        assertEquals(1, document.windows());
        assertEquals(3, document.pairs().size());
    }

    @Test
    void aWindowKeepsItsMostMentionedEntitiesTiesById() {
        List<Mention> mentions = List.of(new Mention(0, "z"), new Mention(0, "z"), new Mention(0, "y"),
                new Mention(0, "x"));
        ArticleCounts counts = ArticleCounts.of(mentions, 2);
        // z (2 mentions) and x (1, ahead of y by id) stay; y is dropped from windows and pairs
        assertEquals(List.of(new ArticleCounts.Pair("x", "z", 1)), counts.scopes().get(0).pairs());
        assertEquals(Map.of("x", 1L, "z", 1L), counts.scopes().get(1).windowsPerEntity());
        assertEquals(3, counts.mentionsPerEntity().size(), "the mention counts are not capped");
    }

    @Test
    void idsAreOrderedByCodePointAsSparkOrdersStrings() {
        // U+FF21 (one UTF-16 unit) sorts after U+1F600 (a surrogate pair) in Java's compareTo, before it in UTF-8
        String fullWidth = "\uFF21";
        String emoji = new String(Character.toChars(0x1F600));
        assertTrue(fullWidth.compareTo(emoji) > 0);
        assertTrue(ArticleCounts.ID_ORDER.compare(fullWidth, emoji) < 0);
    }

    @Test
    void periodsInsideTheInputAreCompleteTheFirstAndLastAreNot() {
        PeriodCounter counter = new PeriodCounter();
        List<Count> out = new ArrayList<>();
        out.addAll(counter.add(null, article(0, "a")));
        out.addAll(counter.add(LocalDate.of(2025, 3, 31), article(0, "a", 0, "b"))); // Monday
        out.addAll(counter.add(LocalDate.of(2025, 4, 2), article(0, "a", 0, "b")));
        out.addAll(counter.add(LocalDate.of(2025, 4, 2), article(0, "b")));
        out.addAll(counter.add(LocalDate.of(2025, 4, 9), article(0, "c")));
        out.addAll(counter.finish());

        Count april2 = find(out, Kind.PAIRS, "day", LocalDate.of(2025, 4, 2), "sentence");
        assertEquals(1, april2.nDocs());
        assertTrue(april2.complete(), "a day between the first and the last is whole");
        Count week = find(out, Kind.PAIRS, "week", LocalDate.of(2025, 3, 31), "document");
        assertEquals(2, week.nDocs());
        assertTrue(!week.complete(), "the first week may have begun in another counter's input");
        Count april = find(out, Kind.FREQUENCY, "month", LocalDate.of(2025, 4, 1), "document", "b");
        assertEquals(2, april.nDocs());
        assertTrue(!april.complete(), "the last month is still open");
        Count undated = find(out, Kind.WINDOWS, PeriodCounter.UNDATED, null, "sentence", "a");
        assertEquals(1, undated.nWindows());
        Count windowsOfApril2 = find(out, Kind.WINDOWS, "day", LocalDate.of(2025, 4, 2), "sentence", null);
        assertEquals(2, windowsOfApril2.nWindows(), "windows holding any entity");
    }

    @Test
    void articlesOutOfDateOrderAreRefused() {
        PeriodCounter counter = new PeriodCounter();
        counter.add(LocalDate.of(2025, 4, 2), article(0, "a"));
        assertThrows(IllegalArgumentException.class, () -> counter.add(LocalDate.of(2025, 4, 1), article(0, "a")));
        assertThrows(IllegalArgumentException.class, () -> counter.add(null, article(0, "a")));
    }

    private static Count find(List<Count> counts, Kind kind, String granularity, LocalDate start, String scope) {
        return counts.stream().filter(c -> c.kind() == kind && c.granularity().equals(granularity)
                && java.util.Objects.equals(c.periodStart(), start) && c.scope().equals(scope)).findFirst().orElseThrow();
    }

    private static Count find(List<Count> counts, Kind kind, String granularity, LocalDate start, String scope,
                              String entity) {
        return counts.stream().filter(c -> c.kind() == kind && c.granularity().equals(granularity)
                && java.util.Objects.equals(c.periodStart(), start) && c.scope().equals(scope)
                && java.util.Objects.equals(c.entityA(), entity)).findFirst().orElseThrow();
    }
}
