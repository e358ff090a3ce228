package newslens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = Tokenizer.standard();

    private List<String> texts(String text) {
        return tokenizer.tokenize(text).stream().map(Token::text).toList();
    }

    @Test
    void splitsHyphenatedPairs() {
        assertEquals(List.of("Nga", "-", "Mỹ"), texts("Nga-Mỹ"));
        assertEquals(List.of("Putin", "-", "Trump"), texts("Putin-Trump"));
    }

    @Test
    void keepsDottedAbbreviationsWhole() {
        assertEquals(List.of("TP.HCM"), texts("TP.HCM"));
        assertEquals(List.of("TP.", "HCM"), texts("TP. HCM"));
        assertEquals(List.of("V.Putin", "và", "D.Trump"), texts("V.Putin và D.Trump"));
        assertEquals(List.of("PGS.TS.", "Nguyễn"), texts("PGS.TS. Nguyễn"));
        assertEquals(List.of("Th.S", "Lê"), texts("Th.S Lê"));
        assertEquals(List.of("Bộ", "GD&ĐT"), texts("Bộ GD&ĐT"));
        assertEquals(Token.Kind.ABBREVIATION, tokenizer.tokenize("TP.HCM").get(0).kind());
    }

    @Test
    void aMarkedCapitalAloneIsAWordNotAnInitial() {
        assertEquals(List.of("đến", "châu", "Á", ".", "Sau"), texts("đến châu Á. Sau"));
        assertEquals(List.of("thăm", "Ý", ".", "Hai"), texts("thăm Ý. Hai"));
        assertEquals(List.of("Lê", "Quý", "D.", "Nguyễn"), texts("Lê Quý D. Nguyễn"));
    }

    @Test
    void splitsAUnitAbbreviationGluedToAName() {
        assertEquals(List.of("TP.", "Cần", "Thơ"), texts("TP.Cần Thơ"));
        assertEquals(List.of("Q.", "Bình", "Thạnh"), texts("Q.Bình Thạnh"));
    }

    @Test
    void keepsNumbersWithSeparators() {
        List<Token> tokens = tokenizer.tokenize("1.500 người, 3,5 tỷ.");
        assertEquals("1.500", tokens.get(0).text());
        assertEquals(Token.Kind.NUMBER, tokens.get(0).kind());
        assertEquals("3,5", tokens.get(3).text());
        assertEquals(".", tokens.get(tokens.size() - 1).text());
    }

    @Test
    void survivesChineseEmojiDecomposedAndLongInput() {
        String text = "Tập Cận Bình 习近平 😀 nói";
        for (Token t : tokenizer.tokenize(text)) {
            assertEquals(text.substring(t.start(), t.end()), t.text());
        }
        assertTrue(texts(text).contains("😀"));
        assertTrue(texts(text).contains("习近平"));
        String decomposed = Normalizer.normalize("Nguyễn Thị Ánh Viên", Normalizer.Form.NFD);
        assertEquals(4, tokenizer.tokenize(decomposed).size());
        String longLine = "Hà Nội ".repeat(200_000);
        assertEquals(400_000, tokenizer.tokenize(longLine).size());
    }
}
