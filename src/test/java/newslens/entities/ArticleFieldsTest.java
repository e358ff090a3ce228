package newslens.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleFieldsTest {

    private static Mention mention(int sentence, int start, int end, String recognised) {
        return new Mention(sentence, start, end, recognised.substring(start, end), "x", "PER", Mention.PATTERN, 0.9,
                recognised.substring(start, end));
    }

    @Test
    void titleAndTextAreReadAsOneTextAndPlacedBack() {
        ArticleFields fields = new ArticleFields("Bà Lan Anh thăm Huế", "Chiều qua, bà Lan Anh đến Huế.");
        String recognised = fields.recognisedText();
        assertEquals("Bà Lan Anh thăm Huế\nChiều qua, bà Lan Anh đến Huế.", recognised);
        int inTitle = recognised.indexOf("Lan Anh");
        int inText = recognised.indexOf("Huế", fields.bodyStart());

        List<ArticleFields.FieldMention> placed = ArticleFields.place(fields.bodyStart(), List.of(
                mention(0, inTitle, inTitle + 7, recognised), mention(1, inText, inText + 3, recognised)));

        assertEquals(ArticleFields.TITLE, placed.get(0).field());
        assertEquals("Lan Anh", fields.title().substring(placed.get(0).mention().start(), placed.get(0).mention().end()));
        assertEquals(ArticleFields.TEXT, placed.get(1).field());
        assertEquals("Huế", fields.text().substring(placed.get(1).mention().start(), placed.get(1).mention().end()));
        assertEquals(1, placed.get(1).mention().sentence(), "sentences are numbered over the whole article");
    }

    @Test
    void anArticleWithoutTitleIsItsText() {
        ArticleFields fields = new ArticleFields(null, "Hà Nội mưa lớn.");
        assertEquals("Hà Nội mưa lớn.", fields.recognisedText());
        assertEquals(0, fields.bodyStart());
        assertEquals(ArticleFields.TEXT,
                ArticleFields.place(0, List.of(mention(0, 0, 6, fields.recognisedText()))).get(0).field());
    }

    @Test
    void aMentionAcrossTheLineBreakIsABug() {
        ArticleFields fields = new ArticleFields("Hà Nội", "Hà Nội mưa.");
        assertThrows(IllegalStateException.class,
                () -> ArticleFields.place(fields.bodyStart(), List.of(mention(0, 3, 9, fields.recognisedText()))));
    }
}
