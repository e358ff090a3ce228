package newslens.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTallyTest {

    @Test
    void talliesArticlesMentionsDatesAndSurfaceForms() {
        EntityTally tally = new EntityTally("per:ho-chi-minh");
        tally.add("a", LocalDate.of(2024, 5, 19), "Hồ Chí Minh", "PER", "Bác Hồ");
        tally.add("a", LocalDate.of(2024, 5, 19), "Hồ Chí Minh", "PER", "Hồ Chí Minh");
        tally.add("b", null, "Hồ Chí Minh", "PER", "Bác Hồ");
        tally.add("c", LocalDate.of(2023, 9, 2), "Hồ Chí Minh", "PER", "Nguyễn Ái Quốc");

        EntityTally.Summary s = tally.summary();
        assertEquals("per:ho-chi-minh", s.entityId());
        assertEquals(3, s.nDocs());
        assertEquals(4, s.nMentions());
        assertEquals(List.of("Bác Hồ", "Hồ Chí Minh", "Nguyễn Ái Quốc"), s.aliases());
        assertEquals(LocalDate.of(2023, 9, 2), s.firstDate());
        assertEquals(LocalDate.of(2024, 5, 19), s.lastDate());
    }

    @Test
    void nameAndTypeAreTheMostFrequentTiesToTheFirstInCodePointOrder() {
        EntityTally tally = new EntityTally("x");
        tally.add("a", null, "Đà Nẵng", "LOC", "Đà Nẵng");
        tally.add("b", null, "Da Nang", "ORG", "Da Nang");
        tally.add("c", null, "Đà Nẵng", "ORG", "Đà Nẵng");
        tally.add("d", null, "Da Nang", "LOC", "Da Nang");
        tally.add("e", null, "Đà Nẵng", "LOC", "Đà Nẵng");

        EntityTally.Summary s = tally.summary();
        assertEquals("Đà Nẵng", s.name()); // three mentions against two
        assertEquals("LOC", s.entityType());
        assertNull(s.firstDate());

        EntityTally tie = new EntityTally("y");
        tie.add("a", null, "Đà Nẵng", "ORG", "Đà Nẵng");
        tie.add("b", null, "Da Nang", "LOC", "Da Nang");
        assertEquals("Da Nang", tie.summary().name()); // 'D' (U+0044) before 'Đ' (U+0110)
        assertEquals("LOC", tie.summary().entityType());
    }

    @Test
    void anEntityWithoutMentionsIsAnError() {
        assertThrows(IllegalStateException.class, () -> new EntityTally("z").summary());
    }
}
