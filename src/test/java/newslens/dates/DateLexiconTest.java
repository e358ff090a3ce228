package newslens.dates;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DateLexiconTest {

    @Test
    void standardLexiconLoads() {
        DateLexicon lexicon = DateLexicon.standard();
        assertEquals("tháng", lexicon.monthWord());
        assertEquals(TemporalMention.YESTERDAY, lexicon.relativeDays().get("hôm qua"));
    }

    @Test
    void unknownRelativeDayNameIsRejected() {
        DateLexicon lexicon = DateLexicon.standard();
        assertThrows(IllegalArgumentException.class, () -> new DateLexicon(lexicon.dayWords(), lexicon.monthWord(),
                lexicon.yearWord(), lexicon.quarterWord(), lexicon.hourWords(), lexicon.minuteWords(),
                lexicon.weekdayWord(), lexicon.partsOfDay(), Map.of("hôm xưa", "long_ago"),
                lexicon.relativeDaysAfterPartOfDay(), lexicon.weekdayNames(), lexicon.sundayNames(),
                lexicon.nextWeekFollowers(), lexicon.weakDateContext(), lexicon.dateConjunctions(),
                lexicon.dashedDateFollowers(), lexicon.timeIntroducers(),
                lexicon.numberCues(), lexicon.quantityFollowers(), lexicon.backReferenceCues(),
                lexicon.planCues(), lexicon.targetCues()));
    }
}
