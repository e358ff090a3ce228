package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

    @Test
    void whitespaceCollapsesAsTheRegexDidSoContentHashesStayTheSame() {
        Pattern whitespace = Pattern.compile("\\s+");
        String[] texts = {"", " ", "a", "  Hà Nội\t\tngày  1\r\n\r\nTP.HCM \u000B\f x ",
            "không\u00A0ngắt\u2003(NBSP and em space are not ASCII whitespace)", "\n\nhai dòng\n"};
        for (String text : texts) {
            assertEquals(whitespace.matcher(text).replaceAll(" "), ArticleExtractor.collapseWhitespace(text), text);
        }
        assertEquals(ArticleExtractor.contentHash("Hà Nội"), ArticleExtractor.contentHash(" Hà \n\t Nội  "));
    }
}
