package newslens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.text.Normalizer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void composesDecomposedDiacritics() {
        String decomposed = Normalizer.normalize("Thủ tướng Đức", Normalizer.Form.NFD);
        assertNotEquals("Thủ tướng Đức", decomposed);
        assertEquals("Thủ tướng Đức", TextNormalizer.normalize(decomposed));
        assertEquals("Thủ tướng Đức", TextNormalizer.nfc(decomposed));
    }

    @Test
    void turnsEveryLineBreakIntoLineFeed() {
        assertEquals("một\nhai\nba\nbốn", TextNormalizer.normalize("một\r\nhai\rba\u2028bốn"));
    }

    @Test
    void turnsUnicodeSpacesAndTabsIntoOneSpace() {
        assertEquals("Hà Nội ngày 5", TextNormalizer.normalize("Hà\u00A0Nội\tngày\u2009\u3000 5"));
    }

    @Test
    void removesInvisibleCharacters() {
        assertEquals("Chất lượng", TextNormalizer.normalize("\uFEFFChất l\u00ADượng\u200B"));
    }

    @Test
    void composesAcrossARemovedZeroWidthSpace() {
        String split = "C\u200B" + Normalizer.normalize("ảnh sát", Normalizer.Form.NFD);
        assertEquals("Cảnh sát", TextNormalizer.normalize(split));
    }

    @Test
    void dropsControlCharactersButKeepsLineFeeds() {
        assertEquals("TP.HCM đến\nnay", TextNormalizer.normalize("TP.HCM \u0008đến\u0000\nnay\u007F"));
    }

    @Test
    void collapsesSpacesAndTrimsEachLine() {
        assertEquals("Ông Nam nói\nrằng", TextNormalizer.normalize("   Ông   Nam  nói  \n\t rằng  "));
    }

    @Test
    void keepsOneBlankLineBetweenParagraphs() {
        assertEquals("a\n\nb\n\nc", TextNormalizer.normalize("\n\na\n\nb\n \n\t\n\n c\n\n"));
    }

    @Test
    void isIdempotent() {
        String once = TextNormalizer.normalize(" Tin\u00A0nóng \r\n\r\n\r\n  Nội dung\u200B bài ");
        assertEquals(once, TextNormalizer.normalize(once));
    }

    @Test
    void emptyAndBlankBecomeEmpty() {
        assertEquals("", TextNormalizer.normalize(""));
        assertEquals("", TextNormalizer.normalize(" \n\u00A0\r\n\u200B"));
    }

    @Test
    void stripsDiacriticsIncludingDStroke() {
        assertEquals("Duong dan bai viet o Da Nang", TextNormalizer.stripDiacritics("Đường dẫn bài viết ở Đà Nẵng"));
        assertEquals("Tong thong", TextNormalizer.stripDiacritics(
                Normalizer.normalize("Tổng thống", Normalizer.Form.NFD)));
    }

    @Test
    void foldsToLowerCaseAsciiWords() {
        assertEquals("ong putin va tong thong my gap nhau o g20",
                TextNormalizer.foldToAsciiWords("Ông Putin và Tổng thống Mỹ gặp nhau ở G20!"));
        assertEquals("nga my", TextNormalizer.foldToAsciiWords("  Nga-Mỹ  "));
    }

    @Test
    void normalisesAMegabyteLineQuickly() {
        String line = "Thủ\u00A0tướng  phát biểu ".repeat(50_000);
        String normalized = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> TextNormalizer.normalize(line));
        // One space fewer per repetition (the double space), and the final space trimmed.
        assertEquals(line.length() - 50_000 - 1, normalized.length());
    }
}
