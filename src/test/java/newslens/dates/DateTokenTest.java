package newslens.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import newslens.text.Tokenizer;
import org.junit.jupiter.api.Test;

class DateTokenTest {

    private final Tokenizer tokenizer = Tokenizer.standard();

    private List<String> read(String text) {
        return DateToken.of(text, tokenizer.tokenize(text)).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @Test
    void joinsDigitsAndTheirSeparatorsIntoNumbers() {
        assertEquals(List.of("WORD:ngày", "NUMBER:24/10/2018", "PUNCT:,", "NUMBER:1.500", "NUMBER:22-23/10"),
                read("ngày 24/10/2018, 1.500 22-23/10"));
        assertEquals(List.of("NUMBER:09:11", "NUMBER:10/5", "PUNCT:/"), read("09:11 10/5/"));
    }

    @Test
    void readsHoursWrittenWithHOrG() {
        assertEquals(List.of("CLOCK:9h30", "CLOCK:19G", "CLOCK:8h", "PUNCT:,"), read("9h30 19G 8h,"));
        // Not hours: too many digits, or a letter or digit glued after.
        assertEquals(List.of("NUMBER:9", "WORD:h", "NUMBER:305"), read("9h305"));
        assertEquals(List.of("NUMBER:123", "WORD:h"), read("123h"));
        assertEquals(List.of("NUMBER:9", "WORD:ha"), read("9ha"));
        assertEquals(List.of("NUMBER:9", "WORD:h", "NUMBER:30", "WORD:p"), read("9h30p"));
    }

    @Test
    void takesLettersAndDigitsOfOneTokenApart() {
        assertEquals(List.of("WORD:Sáng", "NUMBER:23/4"), read("Sáng23/4"));
        assertEquals(List.of("WORD:QĐ", "PUNCT:-", "NUMBER:10/5"), read("QĐ-10/5"));
        assertEquals(List.of("WORD:TP", "PUNCT:.", "WORD:HCM", "WORD:G", "NUMBER:20"), read("TP.HCM G20"));
        assertEquals(List.of("WORD:đó", "PUNCT:.", "PUNCT:.", "PUNCT:."), read("đó..."));
    }

    @Test
    void keysWordsInLowerCaseNfc() {
        String decomposed = Normalizer.normalize("Tháng", Normalizer.Form.NFD);
        DateToken word = DateToken.of(decomposed, tokenizer.tokenize(decomposed)).get(0);
        assertEquals("tháng", word.key());
        assertEquals(decomposed, word.text());
    }
}
