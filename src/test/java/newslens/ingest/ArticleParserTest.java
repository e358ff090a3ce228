package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import newslens.ingest.ArticleParser.Outcome;
import newslens.ingest.ArticleParser.Removal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleParserTest {

    private static final String TITLE = "Thủ tướng Nhật Bản thăm chính thức Việt Nam vào tháng 5";
    private static final String LEAD = "Thủ tướng Nhật Bản sẽ có chuyến thăm chính thức Việt Nam theo lời mời của Chính phủ.";
    private static final String PARAGRAPH = "Trong chuyến thăm, hai bên dự kiến ký nhiều thỏa thuận hợp tác về kinh tế và giáo dục.";

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void takesTheFirstLineAsTitleAndJoinsTheRestAsParagraphs() {
        ParsedArticle article = ArticleParser.parse(lines(TITLE, "", LEAD, "", "", PARAGRAPH));
        assertEquals(TITLE, article.title());
        assertEquals(LEAD + "\n" + PARAGRAPH, article.body());
        assertNull(article.url());
        assertNull(article.source());
        assertNull(article.headerTimestamp());
    }

    @Test
    void normalisesBeforeParsing() {
        String decomposed = Normalizer.normalize(lines(TITLE, LEAD), Normalizer.Form.NFD);
        ParsedArticle article = ArticleParser.parse("\uFEFF" + decomposed.replace(" ", "\u00A0") + "\r\n");
        assertEquals(TITLE, article.title());
        assertEquals(LEAD, article.body());
    }

    @Test
    void emptyInputGivesEmptyTitleAndBody() {
        ParsedArticle article = ArticleParser.parse(" \n\n ");
        assertEquals("", article.title());
        assertEquals("", article.body());
    }

    @Test
    void knownTitleDropsTheRepeatedFirstLine() {
        ParsedArticle repeated = ArticleParser.parseRecord(lines(TITLE, LEAD), TITLE, null, null);
        assertEquals(TITLE, repeated.title());
        assertEquals(LEAD, repeated.body());

        ParsedArticle notRepeated = ArticleParser.parseRecord(lines(LEAD, PARAGRAPH), TITLE, null, null);
        assertEquals(TITLE, notRepeated.title());
        assertEquals(LEAD + "\n" + PARAGRAPH, notRepeated.body());
    }

    @Test
    void aRecordWithoutTitleKeepsItsWholeTextAsTheBody() {
        ParsedArticle record = ArticleParser.parseRecord(lines(LEAD, PARAGRAPH), null, null, null);
        assertEquals("", record.title());
        assertEquals(LEAD + "\n" + PARAGRAPH, record.body());

        ParsedArticle brief = ArticleParser.parseRecord(LEAD, null, null, null);
        assertEquals(LEAD, brief.body(), "a one-line record is a news brief, not a bare title");

        ParsedArticle file = ArticleParser.parse(lines(LEAD, PARAGRAPH));
        assertEquals(LEAD, file.title(), "a plain text file still opens with its title");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "09:11 | 24/10/2018",
        "24/10/2018 09:11",
        "Thứ tư, 24/10/2018 09:11 (GMT+7)",
        "24/10/2018 - 09:11",
        "Chủ nhật, 7/4/2019 - 18:30",
    })
    void readsAndRemovesTheHeaderTimestamp(String header) {
        ParsedArticle article = ArticleParser.parse(lines(TITLE, "", header, "", LEAD));
        assertEquals(header, article.headerTimestamp());
        assertEquals(LEAD, article.body());
    }

    @Test
    void leavesDatesInTheBodyAlone() {
        String datedParagraph = "24/10/2018 là ngày hai nước ký kết hiệp định thương mại song phương.";
        String lateDateLine = "24/10/2018 09:11";
        String text = lines(TITLE, datedParagraph, LEAD, PARAGRAPH, LEAD, PARAGRAPH, lateDateLine);
        ParsedArticle article = ArticleParser.parse(text);
        assertNull(article.headerTimestamp());
        assertTrue(article.body().startsWith(datedParagraph));
        assertTrue(article.body().endsWith(lateDateLine));
    }

    @Test
    void readsTheSourceLine() {
        ParsedArticle article = ArticleParser.parse(lines(TITLE, LEAD, "Nguồn: baochinhphu.vn"));
        assertEquals("baochinhphu.vn", article.source());
        assertEquals(LEAD, article.body());
    }

    @Test
    void knownValuesWinOverTheText() {
        String text = lines(TITLE, LEAD, "Nguồn: baochinhphu.vn", "Đường dẫn bài viết: https://vi.example.vn/bai-a.html");
        ParsedArticle article = ArticleParser.parseRecord(text, TITLE, "https://example.vn/goc", "Thông tấn xã");
        assertEquals("https://example.vn/goc", article.url());
        assertEquals("Thông tấn xã", article.source());
        assertEquals(LEAD, article.body());
    }

    @Test
    void readsAClosingCreditAsSourceOnlyOnTheLastLine() {
        ParsedArticle credited = ArticleParser.parse(lines(TITLE, LEAD, PARAGRAPH, "Theo Reuters"));
        assertEquals("Reuters", credited.source());
        assertEquals(LEAD + "\n" + PARAGRAPH, credited.body());

        ParsedArticle middle = ArticleParser.parse(lines(TITLE, LEAD, "Theo Reuters", PARAGRAPH));
        assertNull(middle.source());
        assertEquals(lines(LEAD, "Theo Reuters", PARAGRAPH), middle.body());

        String sentence = "Theo ông Tuấn, dự án sẽ hoàn thành trước mùa mưa.";
        ParsedArticle sentenceLast = ArticleParser.parse(lines(TITLE, LEAD, sentence));
        assertNull(sentenceLast.source());
        assertTrue(sentenceLast.body().endsWith(sentence));
    }

    @Test
    void sourceLineBeatsClosingCredit() {
        ParsedArticle article = ArticleParser.parse(lines(TITLE, LEAD, "Nguồn: vov.vn", "Theo Reuters"));
        assertEquals("vov.vn", article.source());
        assertEquals(LEAD, article.body());
    }

    @Test
    void readsLabelledAndLoneUrlLines() {
        String labelled = "Đường dẫn bài viết: https://tin.example.vn/thu-tuong-tham-viet-nam-123.html";
        ParsedArticle fromLabel = ArticleParser.parse(lines(TITLE, LEAD, labelled));
        assertEquals("https://tin.example.vn/thu-tuong-tham-viet-nam-123.html", fromLabel.url());
        assertEquals(LEAD, fromLabel.body());

        ParsedArticle fromLone = ArticleParser.parse(lines(TITLE, LEAD, "https://tin.example.vn/a-1.html"));
        assertEquals("https://tin.example.vn/a-1.html", fromLone.url());
        assertEquals(LEAD, fromLone.body());

        ParsedArticle both = ArticleParser.parse(lines(TITLE, "https://khac.example.vn/", LEAD, labelled));
        assertEquals("https://tin.example.vn/thu-tuong-tham-viet-nam-123.html", both.url());
        assertEquals(LEAD, both.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "Hai nhà lãnh đạo bắt tay trước cuộc hội đàm. Ảnh: TTXVN | # Hai nhà lãnh đạo bắt tay trước cuộc hội đàm.",
        "Hai nhà lãnh đạo bắt tay trước cuộc hội đàm. Ảnh: Reuters. # Hai nhà lãnh đạo bắt tay trước cuộc hội đàm.",
        "Hai nhà lãnh đạo bắt tay trước cuộc hội đàm. (Ảnh: Quang Minh) # Hai nhà lãnh đạo bắt tay trước cuộc hội đàm.",
        "Hai nhà lãnh đạo bắt tay trước cuộc hội đàm (ảnh: Quang Minh). # Hai nhà lãnh đạo bắt tay trước cuộc hội đàm.",
        "Ông Lê Văn Bình (Ảnh minh họa: AFP). # Ông Lê Văn Bình.",
        "Cánh đồng lúa chín vàng ở ngoại thành (Ảnh minh họa) # Cánh đồng lúa chín vàng ở ngoại thành",
        "Cánh đồng lúa chín vàng ở ngoại thành - Ảnh minh họa từ Internet. # Cánh đồng lúa chín vàng ở ngoại thành.",
        "Cánh đồng lúa chín vàng ở ngoại thành (Ảnh cắt từ clip). # Cánh đồng lúa chín vàng ở ngoại thành.",
        "Cánh đồng lúa chín vàng ở ngoại thành. Ảnh TTXVN/Hoàng Lan # Cánh đồng lúa chín vàng ở ngoại thành.",
    })
    void keepsACaptionsWordsAndCutsItsCredit(String caption, String kept) {
        Outcome outcome = ArticleParser.parseWithRemovals(lines(TITLE, LEAD, caption, PARAGRAPH));
        assertEquals(lines(LEAD, kept, PARAGRAPH), outcome.article().body());
        assertEquals(1, outcome.removed(Removal.PHOTO_CREDIT));
        assertEquals(0, outcome.removed(Removal.CAPTION_LINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Ảnh minh họa",
        "Ảnh: Quang Minh",
        "Nguồn ảnh: Bộ Y tế",
        "- Ảnh: Quang Minh",
        "Ảnh minh họa cánh đồng lúa chín vàng ở ngoại thành.",
    })
    void removesLinesThatAreOnlyACredit(String caption) {
        Outcome outcome = ArticleParser.parseWithRemovals(lines(TITLE, LEAD, caption, PARAGRAPH));
        assertEquals(LEAD + "\n" + PARAGRAPH, outcome.article().body());
        assertEquals(1, outcome.removed(Removal.CAPTION_LINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Ảnh hưởng của đợt nắng nóng tới vụ lúa năm nay là rất lớn.",
        "Nhiều người thích chụp ảnh: phong cảnh, con người và đồ ăn.",
        "Bức ảnh được chụp vào sáng sớm khi sương còn phủ kín mặt hồ.",
        "Hợp đồng giữa hai bên (ảnh) có giá trị hơn 2.000 tỷ đồng.",
    })
    void keepsSentencesThatMerelyMentionPhotos(String sentence) {
        ParsedArticle article = ArticleParser.parse(lines(TITLE, LEAD, sentence, PARAGRAPH));
        assertEquals(lines(LEAD, sentence, PARAGRAPH), article.body());
    }

    @Test
    void cutsOnlyTheCreditFromAParagraphTooLongForACaption() {
        String paragraph = "Những cánh đồng lúa chín vàng trải dài tới chân núi, nơi người dân đang tất bật thu hoạch "
                + "vụ mùa trong những ngày nắng đẹp cuối tháng chín, khi cả làng cùng ra đồng từ sáng sớm đến tận chiều tối";
        Outcome outcome = ArticleParser.parseWithRemovals(
                lines(TITLE, LEAD, paragraph + " (Ảnh: Quang Minh)."));
        assertEquals(lines(LEAD, paragraph + "."), outcome.article().body());
        assertEquals(1, outcome.removed(Removal.PHOTO_CREDIT));
        assertEquals(0, outcome.removed(Removal.CAPTION_LINE));
    }

    @Test
    void removesButtonResidueButNotSentencesStartingTheSameWay() {
        String sharing = "Chia sẻ với phóng viên, ông Hùng cho biết hợp tác xã đã thu hoạch xong.";
        String text = lines(TITLE, LEAD, "Chia sẻ", "Bình luận (12)", sharing, "In bài viết");
        Outcome outcome = ArticleParser.parseWithRemovals(text);
        assertEquals(lines(LEAD, sharing), outcome.article().body());
        assertEquals(3, outcome.removed(Removal.RESIDUE_LINE));
    }

    @Test
    void removesTheAsciiSlugOfTheTitle() {
        String exact = "thu tuong nhat ban tham chinh thuc viet nam vao thang 5";
        String nearly = "thu tuong nhat ban tham chinh thuc viet nam thang 5";
        for (String slug : List.of(exact, nearly, exact.replace(' ', '-'))) {
            Outcome outcome = ArticleParser.parseWithRemovals(lines(TITLE, LEAD, slug, PARAGRAPH));
            assertEquals(LEAD + "\n" + PARAGRAPH, outcome.article().body(), slug);
            assertEquals(1, outcome.removed(Removal.SLUG_LINE), slug);
        }
    }

    @Test
    void keepsAsciiLinesThatAreNotTheTitle() {
        String other = "nhat ban va viet nam ky ket hiep dinh thuong mai moi";
        ParsedArticle article = ArticleParser.parse(lines(TITLE, LEAD, other, PARAGRAPH));
        assertEquals(lines(LEAD, other, PARAGRAPH), article.body());
    }

    @Test
    void removesReporterInitialsOnlyAtTheEnd() {
        for (String initials : List.of("N.H", "PV", "T.T.H", "K.Đ")) {
            ParsedArticle article = ArticleParser.parse(lines(TITLE, LEAD, PARAGRAPH, initials));
            assertEquals(LEAD + "\n" + PARAGRAPH, article.body(), initials);
        }
        ParsedArticle middle = ArticleParser.parse(lines(TITLE, LEAD, "N.H", PARAGRAPH));
        assertEquals(lines(LEAD, "N.H", PARAGRAPH), middle.body());
        ParsedArticle agency = ArticleParser.parse(lines(TITLE, LEAD, "TTXVN"));
        assertEquals(lines(LEAD, "TTXVN"), agency.body());
    }

    @Test
    void removesInitialsAndCreditInEitherOrder() {
        ParsedArticle article = ArticleParser.parse(lines(TITLE, LEAD, "M.P", "Theo Sputnik"));
        assertEquals("Sputnik", article.source());
        assertEquals(LEAD, article.body());
    }

    @Test
    void keepsAClosingBylineAsTheAuthorOutOfTheBody() {
        for (String[] byline : new String[][] {
                {"Minh Khang", "Minh Khang"},
                {"Nguyễn Thị Thu Hà", "Nguyễn Thị Thu Hà"},
                {"T.Lâm", "T.Lâm"},
                {"H. Long", "H. Long"},
                {"Đức Anh - Bảo Ngọc", "Đức Anh - Bảo Ngọc"},
                {"Quang Vinh và Lan Phương", "Quang Vinh và Lan Phương"},
                {"Hải Đăng (TTXVN)", "Hải Đăng"},
                {"Phương Thảo.", "Phương Thảo"}}) {
            ParsedArticle article = ArticleParser.parse(lines(TITLE, LEAD, PARAGRAPH, byline[0]));
            assertEquals(LEAD + "\n" + PARAGRAPH, article.body(), byline[0]);
            assertEquals(byline[1], article.author(), byline[0]);
        }
    }

    @Test
    void initialsAreAnAuthorTooAndTheNearestToTheEndWins() {
        assertEquals("N.H", ArticleParser.parse(lines(TITLE, LEAD, PARAGRAPH, "N.H")).author());
        ParsedArticle both = ArticleParser.parse(lines(TITLE, LEAD, "Thanh Tùng", "Theo Sputnik"));
        assertEquals("Thanh Tùng", both.author());
        assertEquals("Sputnik", both.source());
        assertEquals(LEAD, both.body());
        assertNull(ArticleParser.parse(lines(TITLE, LEAD, PARAGRAPH)).author());
    }

    @Test
    void aBylineGluedToTheCreditIsSplitFromIt() {
        ParsedArticle article = ArticleParser.parse(lines(TITLE, LEAD, "K.ThànhTheo Tuổi Trẻ"));
        assertEquals("K.Thành", article.author());
        assertEquals("Tuổi Trẻ", article.source());
        assertEquals(LEAD, article.body());
    }

    @Test
    void capitalisedLinesThatAreNotBylinesStay() {
        // The last item of a list a colon opens.
        String heading = lines(TITLE, LEAD, "Kết quả trận đấu:", "Hà Nội FC");
        assertEquals(lines(LEAD, "Kết quả trận đấu:", "Hà Nội FC"), ArticleParser.parse(heading).body());
        // Lower-case words, a sentence, too many words, or a single name: never a byline.
        for (String last : List.of("Người lao động", "Ông Tuấn cho biết thêm.", "Hội Nhà Báo Việt Nam Và Các Cơ Quan "
                + "Chủ Quản Khác Ở Trung Ương Và Địa Phương Cùng Tham Dự Lễ", "Tuấn")) {
            ParsedArticle article = ArticleParser.parse(lines(TITLE, LEAD, last));
            assertEquals(lines(LEAD, last), article.body(), last);
            assertNull(article.author(), last);
        }
        // The only line of the body stays the body.
        assertEquals("Minh Khang", ArticleParser.parse(lines(TITLE, "Minh Khang")).body());
    }

    @Test
    void countsEveryKindOfRemovedLine() {
        String text = lines(TITLE, "09:11 | 24/10/2018", LEAD,
                "thu tuong nhat ban tham chinh thuc viet nam vao thang 5",
                "Ảnh: TTXVN", PARAGRAPH, "N.H",
                "Đường dẫn bài viết: https://tin.example.vn/a.html", "In bài viết");
        Outcome outcome = ArticleParser.parseWithRemovals(text);
        assertEquals(LEAD + "\n" + PARAGRAPH, outcome.article().body());
        for (Removal kind : List.of(Removal.HEADER_TIMESTAMP, Removal.SLUG_LINE, Removal.CAPTION_LINE,
                Removal.AUTHOR_INITIALS_LINE, Removal.URL_LINE, Removal.RESIDUE_LINE)) {
            assertEquals(1, outcome.removed(kind), kind.name());
        }
        assertEquals(0, outcome.removed(Removal.SOURCE_LINE));
    }

    @Test
    void boilerplateOnlyInputLeavesAnEmptyBody() {
        ParsedArticle article = ArticleParser.parse(lines(TITLE, "Ảnh: Reuters", "In bài viết", "Chia sẻ"));
        assertEquals(TITLE, article.title());
        assertEquals("", article.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chữ ", "ảnh: ", "(Ảnh: ", "24/10/2018 ", "a", "Theo "})
    void parsesAMegabyteLineQuickly(String unit) {
        String huge = unit.repeat(1_000_000 / unit.length());
        ParsedArticle article = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> ArticleParser.parse(lines(TITLE, huge, huge + " (Ảnh: Reuters)")));
        assertEquals(TITLE, article.title());
        assertEquals(2, article.body().split("\n").length);
    }

    @Test
    void outcomesSurviveJavaSerialization() throws Exception {
        Outcome outcome = ArticleParser.parseWithRemovals(lines(TITLE, LEAD, "Ảnh: Reuters"));
        assertEquals(outcome, InputDecoderTest.roundTrip(outcome));
    }

    @Test
    void bodyNeverHasBlankLines() {
        ParsedArticle article = ArticleParser.parse(lines(TITLE, "", "", LEAD, " ", "In bài viết", "", PARAGRAPH));
        assertFalse(Arrays.asList(article.body().split("\n", -1)).contains(""));
    }
}
