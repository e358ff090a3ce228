package newslens.dates;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;

import static newslens.dates.PublicationDateResolver.SURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicationDateResolverTest {

    private static final PublicationDateResolver RESOLVER = new PublicationDateResolver();
    private static final TemporalExpressionParser PARSER = new TemporalExpressionParser();

    private static final String TITLE = "Hai bộ trưởng gặp nhau bàn về hợp tác";
    private static final String DATED_TEXT = TITLE + "\nSáng 12/3, hai bộ trưởng đã gặp nhau tại Hà Nội.\n"
            + "Cuộc gặp diễn ra sau hội nghị hồi tháng 1/2019.";
    private static final String URL = "https://news.example.vn/the-gioi/hai-bo-truong-20190314083000123.htm";

    private static DateResolution resolve(String publishedAt, String header, String url, String text,
                                          LocalDate defaultDate) {
        String title = text == null ? null : text.split("\n", 2)[0];
        return RESOLVER.resolve(new DateEvidence(publishedAt, header, url, title, text, defaultDate));
    }

    private static DateResolution fromText(String text) {
        return resolve(null, null, null, text, null);
    }

    private static void assertResolution(String date, String source, DateResolution r) {
        assertEquals(date == null ? null : LocalDate.parse(date), r.date(), r::toString);
        assertEquals(source, r.source(), r::toString);
    }

    // ---- order of evidence: metadata > header > URL > dateline > text > default

    @Test
    void metadataComesFirst() {
        DateResolution r = resolve("2019-03-15T07:00:00+07:00", "09:11 | 16/03/2019", URL, DATED_TEXT,
                LocalDate.of(2000, 1, 1));
        assertResolution("2019-03-15", PublicationDateResolver.SOURCE_METADATA, r);
        assertEquals(PublicationDateResolver.METADATA, r.confidence());
    }

    @Test
    void headerComesBeforeUrl() {
        DateResolution r = resolve(null, "09:11 | 16/03/2019", URL, DATED_TEXT, null);
        assertResolution("2019-03-16", PublicationDateResolver.SOURCE_HEADER, r);
        assertEquals(PublicationDateResolver.HEADER, r.confidence());
    }

    @Test
    void urlComesBeforeText() {
        DateResolution r = resolve(null, null, URL, DATED_TEXT, null);
        assertResolution("2019-03-14", PublicationDateResolver.SOURCE_URL, r);
        assertEquals(PublicationDateResolver.URL, r.confidence());
    }

    @Test
    void datelineComesBeforeDefault() {
        DateResolution r = resolve(null, null, null, DATED_TEXT, LocalDate.of(2000, 1, 1));
        assertResolution("2019-03-12", PublicationDateResolver.SOURCE_DATELINE, r);
        assertEquals(PublicationDateResolver.DATELINE_INFERRED_YEAR, r.confidence());
    }

    @Test
    void unusableEvidenceFallsThrough() {
        // Malformed metadata, a header without a date and a URL with an impossible date are no evidence.
        DateResolution r = resolve("không rõ", "09:11", "https://x.vn/a-20191332083000.htm", DATED_TEXT, null);
        assertResolution("2019-03-12", PublicationDateResolver.SOURCE_DATELINE, r);
    }

    @Test
    void defaultWhenNothingElse() {
        DateResolution r = resolve(null, null, null, TITLE + "\nHai bộ trưởng gặp nhau.", LocalDate.of(2020, 5, 1));
        assertResolution("2020-05-01", PublicationDateResolver.SOURCE_DEFAULT, r);
        assertEquals(PublicationDateResolver.DEFAULT, r.confidence());
    }

    @Test
    void noEvidenceAtAll() {
        assertEquals(DateResolution.UNKNOWN, resolve(null, null, null, null, null));
        assertEquals(DateResolution.UNKNOWN, fromText(TITLE + "\nHai bộ trưởng gặp nhau."));
    }

    // ---- the three shapes of the seed articles

    @Test
    void seedHeaderLine() {
        String text = "Tổng thống có thể tới Paris vào tháng 11\n\n09:11 | 24/10/2018\n\n"
                + "Tổng thống cho biết ông có thể sẽ tới Paris.\n\nChiều 23/10 tại Điện Kremlin, hai bên hội đàm.";
        String header = newslens.ingest.ArticleParser.parse(text).headerTimestamp();
        assertEquals("09:11 | 24/10/2018", header);
        assertResolution("2018-10-24", PublicationDateResolver.SOURCE_HEADER, resolve(null, header, null, text, null));
    }

    @Test
    void seedDatelineWithYearFromLaterMonth() {
        String text = "Ngày 10/5, hai ngoại trưởng đã hội đàm kín tại Nhà Trắng.\n\n"
                + "Đây là cuộc gặp đầu tiên kể từ khi ông nhậm chức vào tháng 1/2017.";
        DateResolution r = fromText(text);
        assertResolution("2017-05-10", PublicationDateResolver.SOURCE_DATELINE, r);
        assertEquals(PublicationDateResolver.DATELINE_INFERRED_YEAR, r.confidence());
    }

    @Test
    void seedDatelineWithoutAnyYearGetsNoDate() {
        String text = "Hai tổng thống bàn về thương mại tại hội nghị\n"
                + "Hai tổng thống gặp mặt bên lề hội nghị. Ảnh: Reuters |\n"
                + "Sáng 28-6, hai tổng thống đã gặp mặt trong 1,5 giờ đồng hồ. Trước đó, hôm 24-6, một bên tuyên bố.";
        assertEquals(DateResolution.UNKNOWN, fromText(text));
        assertResolution("2019-06-29", PublicationDateResolver.SOURCE_DEFAULT,
                resolve(null, null, null, text, LocalDate.of(2019, 6, 29)));
    }

    // ---- the dateline

    @Test
    void datelineWithItsOwnYear() {
        DateResolution r = fromText(TITLE + "\nNgày 12/3/2019, hai bộ trưởng đã gặp nhau.");
        assertResolution("2019-03-12", PublicationDateResolver.SOURCE_DATELINE, r);
        assertEquals(PublicationDateResolver.DATELINE_EXPLICIT_YEAR, r.confidence());
    }

    @Test
    void datelineInTheTitleLine() {
        // Extracted "titles" are often the lead itself.
        DateResolution r = fromText("Chiều 26/4, tập đoàn họp báo về mức phí mới.\nMức phí áp dụng trong năm 2021.");
        assertResolution("2021-04-26", PublicationDateResolver.SOURCE_DATELINE, r);
    }

    @Test
    void yesterdaysDatelineMeansPublishedTheDayAfter() {
        DateResolution r = fromText(TITLE + "\nHôm qua (31/5), hai bộ trưởng đã gặp nhau. Năm 2016 là năm bản lề.");
        assertResolution("2016-06-01", PublicationDateResolver.SOURCE_DATELINE, r);
    }

    @Test
    void lookingBackIsNotADateline() {
        // "Trước đó" (before that) and a later sentence tell the background, not the news.
        String text = TITLE + "\nTrước đó, ngày 17/3/2021, đoàn kiểm tra đã tới kho hàng.\nNgày 20/4/2021, hai bên ký.";
        assertResolution("2021-04-20", PublicationDateResolver.SOURCE_DATELINE, fromText(text));
        String later = TITLE + "\nHai bên đã ký hợp đồng. Việc đàm phán bắt đầu ngày 2/1/2021.";
        assertResolution("2021-01-02", PublicationDateResolver.SOURCE_TEXT, fromText(later));
    }

    @Test
    void announcedPlanIsNotADateline() {
        String text = TITLE + "\nNgân hàng sẽ họp cổ đông vào ngày 26/4/2021.\nNgày 19/4/2021, ngân hàng công bố tài liệu.";
        assertResolution("2021-04-19", PublicationDateResolver.SOURCE_DATELINE, fromText(text));
    }

    @Test
    void datelineBeyondTheLeadIsText() {
        String filler = "Hai bên đã trao đổi nhiều vấn đề. ".repeat(12);
        DateResolution r = fromText(TITLE + "\n" + filler + "\nNgày 12/3/2019, hai bên ký kết.");
        assertResolution("2019-03-12", PublicationDateResolver.SOURCE_TEXT, r);
        assertEquals(PublicationDateResolver.TEXT, r.confidence());
    }

    // ---- the year of a partial date

    @Test
    void yearRollsOverAfterLastYearsDates() {
        // An article of 5/1 looking back at 28/12/2016 is from 2017.
        String text = TITLE + "\nNgày 5/1, hai bên gặp nhau.\nVụ việc xảy ra ngày 28/12/2016.";
        assertResolution("2017-01-05", PublicationDateResolver.SOURCE_DATELINE, fromText(text));
    }

    @Test
    void targetYearsAreNotThePresent() {
        String text = TITLE + "\nSáng 12/4, hội nghị khai mạc.\nHội nghị năm 2021 bàn quy hoạch đến năm 2030.";
        assertResolution("2021-04-12", PublicationDateResolver.SOURCE_DATELINE, fromText(text));
    }

    @Test
    void yearClearlyAfterTheFullDatesIsNotThePresent() {
        String text = TITLE + "\nSáng 12/4, hội nghị khai mạc.\nNghị định ngày 2/3/2021 có hiệu lực. Năm 2027 là mốc.";
        assertResolution("2021-04-12", PublicationDateResolver.SOURCE_DATELINE, fromText(text));
    }

    @Test
    void weekdayRulesOutYears() {
        // 18 May was a Wednesday in 2016, a Thursday in 2017.
        String text = TITLE + "\nThứ 4 (18/5), hãng thừa nhận sai phạm.\nSố liệu năm 2016 và năm 2017 đều bị sửa.";
        assertResolution("2016-05-18", PublicationDateResolver.SOURCE_DATELINE, fromText(text));
    }

    // ---- confidence

    @Test
    void nothingWithoutExplicitEvidenceIsSure() {
        List<String> texts = List.of(DATED_TEXT,
                TITLE + "\nNgày 12/3/2019, hai bộ trưởng đã gặp nhau.",
                TITLE + "\nHai bên đã ký. Việc đàm phán bắt đầu ngày 2/1/2021.");
        for (String text : texts) {
            DateResolution r = resolve(null, null, "https://news.example.vn/bai-viet-123.htm", text,
                    LocalDate.of(2020, 1, 1));
            assertTrue(r.date() != null && r.confidence() <= SURE, r::toString);
        }
        assertTrue(resolve(null, "09:11 | 24/10/2018", null, null, null).confidence() > SURE);
        assertTrue(resolve(null, null, URL, null, null).confidence() > SURE);
    }

    // ---- relative expressions

    @Test
    void resolveRelativeAgainstThePublicationDate() {
        LocalDate published = LocalDate.of(2019, 1, 2); // a Wednesday
        assertEquals(LocalDate.of(2019, 1, 1), relative("hôm qua", published));
        assertEquals(published, relative("hôm nay", published));
        assertEquals(LocalDate.of(2019, 1, 3), relative("ngày mai", published));
        assertEquals(LocalDate.of(2019, 1, 1), relative("thứ Ba", published));
        assertEquals(published, relative("thứ Tư", published));
        assertEquals(LocalDate.of(2019, 1, 8), relative("thứ Ba tới", published));
        assertEquals(LocalDate.of(2018, 12, 28), relative("hôm 28/12", published));
        assertEquals(LocalDate.of(2017, 5, 10), relative("ngày 10/5/2017", published));
        assertNull(relative("tháng 1/2017", published));
        assertNull(relative("hôm qua", null));
    }

    private static LocalDate relative(String expression, LocalDate published) {
        List<TemporalMention> mentions = PARSER.parse(expression);
        assertEquals(1, mentions.size(), expression);
        return PublicationDateResolver.resolveRelative(mentions.get(0), published);
    }

    @Test
    void survivesJavaSerialization() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(RESOLVER);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            PublicationDateResolver copy = (PublicationDateResolver) in.readObject();
            assertEquals(fromText(DATED_TEXT), copy.resolve(new DateEvidence(null, null, null, TITLE, DATED_TEXT, null)));
        }
    }
}
