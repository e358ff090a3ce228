package newslens.entities.kb;

import newslens.entities.EntityType;
import newslens.entities.rules.EntityRecognizer;
import newslens.entities.Mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    private static final KnowledgeBase KB = KnowledgeBase.load();

    private static KbRole role(String name) {
        return KB.roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void usPresidentsChangeOnInaugurationDay() {
        KbRole president = role("Tổng thống Mỹ");
        assertEquals(Optional.of("per:barack_obama"), KB.holderOn(president, LocalDate.of(2017, 1, 19)));
        assertEquals(Optional.of("per:donald_trump"), KB.holderOn(president, LocalDate.of(2017, 1, 20)));
        assertEquals(Optional.of("per:joe_biden"), KB.holderOn(president, LocalDate.of(2024, 12, 31)));
        assertEquals(Optional.of("per:donald_trump"), KB.holderOn(president, LocalDate.of(2025, 1, 20)));
    }

    @Test
    void everyRoleHolderAndSuccessorIsAKnownEntity() {
        for (KbRole r : KB.roles()) {
            for (KbRole.Holder h : r.holders()) {
                assertTrue(KB.entity(h.id()).isPresent(), r.name() + " -> " + h.id());
            }
        }
        for (KbEntity e : KB.entities()) {
            if (e.successor() != null) {
                assertTrue(KB.entity(e.successor()).isPresent(), e.name() + " -> " + e.successor());
            }
        }
    }

    @Test
    void clubsAndOutletsAreOrganisationsAndCitiesStayPlaces() {
        for (String club : List.of("Southampton", "Crystal Palace", "Becamex Bình Dương", "The Telegraph", "KCNA")) {
            var match = KB.aliasAt(KB.tokenizer().tokenize(club), 0);
            assertTrue(match != null && KB.entity(match.values().get(0).entityId()).orElseThrow().type()
                    == EntityType.ORG, club);
        }
        // A city that gives a club its name is the club only in its club form.
        var valencia = KB.aliasAt(KB.tokenizer().tokenize("Valencia"), 0);
        assertTrue(valencia == null || KB.entity(valencia.values().get(0).entityId()).orElseThrow().type()
                != EntityType.ORG, "Valencia alone is no club");
    }

    @Test
    void aLongerNameMatchesWithItsLaterWordsInAnotherCase() {
        var match = KB.aliasAt(KB.tokenizer().tokenize("Tổ chức Y tế thế giới họp"), 0);
        assertEquals(6, match.end());
        assertEquals(KB.aliasAt(KB.tokenizer().tokenize("Tổ chức Y tế Thế giới"), 0).values(), match.values());
        assertEquals(null, KB.aliasAt(KB.tokenizer().tokenize("tổ chức y tế thế giới"), 0),
                "the first word keeps its capital");
    }

    @Test
    void shipsCountriesAndProvinces() {
        long countries = KB.entities().stream().filter(e -> "country".equals(e.kind())).count();
        long provinces = KB.entities().stream().filter(e -> "province".equals(e.kind())).count();
        assertTrue(countries >= 195, "countries: " + countries);
        assertEquals(63, provinces);
    }

    @Test
    void userFilesExtendTheKnowledgeBase(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{\"type\":\"ORG\",\"entities\":[{\"name\":\"Công ty Mây Xanh\",\"aliases\":[\"MayXanh\"]}]}");
        KnowledgeBase extended = KnowledgeBase.load(List.of(file));
        List<Mention> mentions = new EntityRecognizer(extended).recognize("Hôm qua MayXanh báo lãi.", null);
        assertEquals("org:cong_ty_may_xanh", mentions.get(0).entityId());
    }

    @Test
    void bothTonePlacementsAreSpellings() {
        assertTrue(NameVariants.spellings("Thanh Hóa").contains("Thanh Hoá"));
        assertTrue(NameVariants.spellings("Uỷ ban").contains("Ủy ban"));
        assertEquals(1, NameVariants.spellings("Hoàng").size());
    }

    @Test
    void aFinalIOrYAfterOneConsonantIsWrittenEitherWay() {
        assertTrue(NameVariants.spellings("Thụy Sĩ").contains("Thụy Sỹ"));
        assertTrue(NameVariants.spellings("kỹ sư").contains("kĩ sư"));
        assertTrue(NameVariants.spellings("Hòa Kỳ").containsAll(List.of("Hoà Kỳ", "Hòa Kì", "Hoà Kì")));
        // "Thụy": the y follows a vowel, not one consonant; "Nghi": two consonants
        assertEquals(Set.of("Thụy", "Thuỵ"), NameVariants.spellings("Thụy"));
        assertEquals(Set.of("Nghi"), NameVariants.spellings("Nghi"));
        assertEquals("Thụy Sĩ", KB.entity(KB.aliasAt(KB.tokenizer().tokenize("Thụy Sỹ"), 0).values().get(0)
                .entityId()).orElseThrow().name());
    }
}
