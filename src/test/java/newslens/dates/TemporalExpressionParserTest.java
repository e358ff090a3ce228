package newslens.dates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.text.Normalizer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemporalExpressionParserTest {

    private static final TemporalExpressionParser PARSER = new TemporalExpressionParser();

    private static TemporalMention only(String text) {
        List<TemporalMention> mentions = PARSER.parse(text);
        assertEquals(1, mentions.size(), () -> "mentions of '" + text + "': " + mentions);
        return mentions.get(0);
    }

    private static void assertDay(TemporalMention m, Integer year, int month, int day) {
        assertEquals(year, m.year(), m::toString);
        assertEquals(month, m.month(), m::toString);
        assertEquals(day, m.day(), m::toString);
    }

    private static void assertNoDate(String text) {
        List<TemporalMention> dates = PARSER.parse(text).stream().filter(TemporalMention::hasDayAndMonth).toList();
        assertTrue(dates.isEmpty(), () -> "'" + text + "' should hold no date: " + dates);
    }

    // ---- full dates: a year settles a date whatever precedes it

    @Test
    void fullDateWithSlashesOrDashes() {
        TemporalMention m = only("Hạn chót là 24/10/2018 cho mọi hồ sơ.");
        assertDay(m, 2018, 10, 24);
        assertEquals("24/10/2018", m.surface());
        assertEquals(TemporalMention.DAY, m.granularity());
        assertDay(only("cập nhật 05-01-2019"), 2019, 1, 5);
    }

    @Test
    void offsetsAreStringIndices() {
        String text = "Khai mạc 24/10/2018.";
        TemporalMention m = only(text);
        assertEquals("24/10/2018", text.substring(m.start(), m.end()));
    }

    @Test
    void verbalDateWithAndWithoutYear() {
        assertDay(only("ngày 5 tháng 3 năm 2019 là hạn cuối"), 2019, 3, 5);
        assertDay(only("Ngày 5 tháng 3, trời mưa"), null, 3, 5);
    }

    @Test
    void verbalDayMonthNeedsNgayOrYear() {
        // "5 tháng 3" alone also reads "5 months 3 ...".
        assertNoDate("sau 5 tháng 3 ngày điều trị");
    }

    @Test
    void dayMonthWithTrailingYearWord() {
        assertDay(only("vào ngày 10/5 năm 2017"), 2017, 5, 10);
    }

    @Test
    void invalidCalendarDaysAreNotDates() {
        assertNoDate("ngày 31/2");
        assertNoDate("ngày 30/13");
        assertNoDate("ngày 29/2 năm 2019 và 31/4/2020");
        assertDay(only("ngày 29/2"), null, 2, 29); // valid in a leap year, the year is unknown
    }

    // ---- dd/MM and dd-MM: a date only in a date context

    @Test
    void introducedByNgay() {
        TemporalMention m = only("Ngày 10/5, ông Lavrov tới Washington.");
        assertDay(m, null, 5, 10);
        assertEquals("Ngày 10/5", m.surface());
    }

    @Test
    void introducedByHom() {
        assertDay(only("nhà lãnh đạo Nga hôm 24-6 lại nhấn mạnh"), null, 6, 24);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sáng", "trưa", "chiều", "tối", "đêm", "rạng sáng"})
    void partOfDayBeforeADate(String partOfDay) {
        TemporalMention m = only(partOfDay + " 28-6, hai bên gặp nhau");
        assertDay(m, null, 6, 28);
        assertEquals(partOfDay, m.partOfDay());
        assertEquals(partOfDay + " 28-6", m.surface());
    }

    @Test
    void partOfDayWithNgayAndSom() {
        TemporalMention m = only("Sáng sớm ngày 21/4, tàu mất liên lạc");
        assertDay(m, null, 4, 21);
        assertEquals("sáng", m.partOfDay());
        assertDay(only("Chiều 23/10 tại Điện Kremlin"), null, 10, 23);
    }

    @Test
    void missingSpaceAfterContextWord() {
        // "Sáng23/4" is a typo, not a code: the glued word is a date word.
        assertDay(only("Sáng23/4, tập đoàn công bố"), null, 4, 23);
    }

    @Test
    void weakContextWordsIntroduceDates() {
        // from, to, before, after, in: a date when nothing says score or quantity.
        assertDay(only("áp dụng từ 9/5"), null, 5, 9);
        assertDay(only("kéo dài đến 9/5"), null, 5, 9);
        assertDay(only("hoàn thành trước 9/5"), null, 5, 9);
        assertDay(only("diễn ra vào 9/5 tới"), null, 5, 9);
        List<TemporalMention> range = PARSER.parse("từ 20/4 đến 25/4");
        assertEquals(2, range.size());
        assertDay(range.get(1), null, 4, 25);
    }

    @Test
    void conjunctionCarriesTheContextOfTheDateBefore() {
        // "và" (and) after a date introduces another date; elsewhere it joins fractions or class names.
        List<TemporalMention> both = PARSER.parse("diễn ra trong hai ngày 25/10 và 26/10.");
        assertEquals(2, both.size());
        assertDay(both.get(1), null, 10, 26);
        assertNoDate("ông nhận 1/3 và 1/6 cổ phần");
    }

    @Test
    void dashedDateAfterWeakContextNeedsADatesFollower() {
        // "từ 8-12 quả" counts fruit; "từ 10-4 đến hết 31-12." are dates.
        assertNoDate("mỗi thùng từ 8-12 quả");
        List<TemporalMention> span = PARSER.parse("kéo dài từ 10-4 đến hết 31-12.");
        assertEquals(2, span.size());
        assertDay(span.get(0), null, 4, 10);
        assertDay(span.get(1), null, 12, 31);
    }

    @Test
    void dayRangeKeepsItsFirstDay() {
        TemporalMention m = only("diễn ra trong ngày 22-23/10 tại Hà Nội");
        assertDay(m, null, 10, 22);
        assertEquals("ngày 22-23/10", m.surface());
    }

    @Test
    void bareDayMonthWithoutContextIsNotADate() {
        assertNoDate("Tỉ lệ 9/5 được giữ nguyên");
        assertNoDate("phục vụ 24/7");
    }

    @Test
    void scoresAreNotDates() {
        // A score word before the numbers, even behind a context word ("dẫn trước"), wins.
        assertNoDate("đội nhà thắng 3-1");
        assertNoDate("với tỉ số 2-1 nghiêng về chủ nhà");
        assertNoDate("Liverpool bị dẫn trước 2-1");
    }

    @Test
    void fractionsAndRangesOfQuantitiesAreNotDates() {
        assertNoDate("hơn 1/2 số người được hỏi");
        assertNoDate("3/4 số người dân");
        assertNoDate("chiếm tới 2/3 diện tích");
        assertNoDate("sau từ 3-5 ngày điều trị");
        assertNoDate("từ 3-5 năm sau");
    }

    @Test
    void numbersInsidePhoneNumbersCodesUrlsAndDecimalsAreNotDates() {
        assertNoDate("gọi 0912-345-678 hoặc (028) 3829-1234");
        assertNoDate("theo Quyết định QĐ-10/5 của UBND");
        assertNoDate("văn bản 2230/BGTVT-ĐTCT ngày ký");
        assertNoDate("xem https://example.vn/tin/10/5/bai-viet và www.example.vn/9/5");
        assertNoDate("ngày 10/5A là mã lô hàng");
        assertNoDate("lãi suất 1,5/2,5 và 12/345");
        assertNoDate("từ 1/2% lên");
    }

    @Test
    void clockTimeIsNeverADate() {
        TemporalMention m = only("cập nhật lúc 09:11");
        assertEquals(TemporalMention.TIME, m.granularity());
        assertEquals(9, m.hour());
        assertEquals(11, m.minute());
        assertNull(m.day());
        assertNull(m.month());
    }

    // ---- times

    @Test
    void hourAndMinuteForms() {
        TemporalMention h = only("khoảng 9h30 mỗi ngày");
        assertEquals(9, h.hour());
        assertEquals(30, h.minute());
        TemporalMention g = only("khoảng 9g30 mỗi ngày");
        assertEquals(9, g.hour());
        assertEquals(30, g.minute());
    }

    @Test
    void timeWithPartOfDayAndDate() {
        TemporalMention m = only("vào khoảng 15h30 chiều ngày 28/5, tại showroom");
        assertEquals("15h30 chiều ngày 28/5", m.surface());
        assertEquals(TemporalMention.TIME, m.granularity());
        assertEquals(15, m.hour());
        assertEquals("chiều", m.partOfDay());
        assertDay(m, null, 5, 28);
        TemporalMention words = only("Khoảng 15 giờ 30 phút ngày 28-5, xe lao vào");
        assertEquals(15, words.hour());
        assertEquals(30, words.minute());
        assertDay(words, null, 5, 28);
    }

    @Test
    void bareHoursNeedContext() {
        // "2 giờ" and "8h" are durations as often as times: only "lúc", a part of day or a date settles it.
        assertTrue(PARSER.parse("kéo dài 2 giờ 30 phút").isEmpty());
        assertTrue(PARSER.parse("mất 8h để hoàn thành").isEmpty());
        assertEquals(8, only("lúc 8h, đoàn xuất phát").hour());
        assertEquals("sáng", only("8h sáng, đoàn xuất phát").partOfDay());
    }

    @Test
    void networksAndDurationsAreNotTimes() {
        assertTrue(PARSER.parse("mạng 4G và 5G, trực 24h").isEmpty());
        assertTrue(PARSER.parse("tỷ lệ 1:50 trên bản đồ").isEmpty());
    }

    // ---- relative days and weekdays

    @Test
    void relativeDays() {
        assertEquals(TemporalMention.YESTERDAY, only("hôm qua, bộ công bố").relative());
        assertEquals(TemporalMention.TODAY, only("hôm nay, bộ công bố").relative());
        assertEquals(TemporalMention.TOMORROW, only("ngày mai trời mưa").relative());
        TemporalMention lastNight = only("đêm qua, bão đổ bộ");
        assertEquals(TemporalMention.YESTERDAY, lastNight.relative());
        assertEquals("đêm", lastNight.partOfDay());
        assertEquals(TemporalMention.RELATIVE, lastNight.granularity());
    }

    @Test
    void ngayNayIsNowadaysNotToday() {
        assertTrue(PARSER.parse("ngày nay người ta dùng điện thoại").isEmpty());
    }

    @Test
    void relativeDayWithItsDate() {
        TemporalMention today = only("8h sáng nay (3/6) tại công trình");
        assertEquals(TemporalMention.TODAY, today.relative());
        assertEquals(8, today.hour());
        assertDay(today, null, 6, 3);
        TemporalMention yesterday = only("Vào hôm qua, ngày 18/5, ban lãnh đạo");
        assertEquals(TemporalMention.YESTERDAY, yesterday.relative());
        assertDay(yesterday, null, 5, 18);
        assertEquals(TemporalMention.TODAY, only("Hôm nay (21/5), đám cưới").relative());
    }

    @Test
    void weekdayNames() {
        String[] names = {"thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"};
        String[] days = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
        for (int i = 0; i < names.length; i++) {
            TemporalMention m = only("Hôm " + names[i] + " trời nắng");
            assertEquals(TemporalMention.WEEKDAY_PREFIX + days[i], m.relative());
            assertEquals(names[i], m.surface());
        }
    }

    @Test
    void weekdayDigitsNeedContext() {
        for (int n = 2; n <= 7; n++) {
            assertTrue(only("vào thứ " + n + " tuần này").relative().startsWith(TemporalMention.WEEKDAY_PREFIX));
        }
        TemporalMention dated = only("Thứ 4 (18/5), hãng công bố");
        assertEquals("weekday:WEDNESDAY", dated.relative());
        assertDay(dated, null, 5, 18);
        assertEquals("Thứ 4 (18/5)", dated.surface());
    }

    @Test
    void ordinalsAreNotWeekdays() {
        // "thứ hai" in lower case and "thứ 4" after a noun are ordinals: second, fourth.
        assertTrue(PARSER.parse("Đây là cuộc gặp thứ 4 giữa hai người").isEmpty());
        assertTrue(PARSER.parse("lần thứ hai trong năm nay").isEmpty());
        assertTrue(PARSER.parse("Thứ hai, cần nói rõ").isEmpty());
    }

    @Test
    void nextWeekday() {
        assertEquals("weekday_next:SUNDAY", only("Chủ nhật tới sẽ khai mạc").relative());
        assertEquals("weekday:SATURDAY", only("tối thứ Bảy vừa qua").relative());
    }

    // ---- months, years, quarters

    @Test
    void monthWithYear() {
        TemporalMention slash = only("nhậm chức vào tháng 1/2017");
        assertEquals(TemporalMention.MONTH, slash.granularity());
        assertEquals(2017, slash.year());
        assertEquals(1, slash.month());
        assertNull(slash.day());
        assertEquals(2017, only("tháng 1-2017").year());
        TemporalMention words = only("trong tháng 11 năm 2018 vừa qua");
        assertEquals(11, words.month());
        assertEquals(2018, words.year());
    }

    @Test
    void monthYearIsNotADayMonth() {
        assertNoDate("tháng 1/2017");
    }

    @Test
    void year() {
        TemporalMention m = only("từ năm 2017 đến nay");
        assertEquals(TemporalMention.YEAR, m.granularity());
        assertEquals(2017, m.year());
        assertTrue(PARSER.parse("năm 11 tuổi").isEmpty());
    }

    @Test
    void quarters() {
        TemporalMention arabic = only("doanh thu quý 1/2021 tăng");
        assertEquals(TemporalMention.QUARTER, arabic.granularity());
        assertEquals(1, arabic.quarter());
        assertEquals(2021, arabic.year());
        assertNoDate("quý 1/2021");
        TemporalMention roman = only("trong quý IV/2020");
        assertEquals(4, roman.quarter());
        assertEquals(2020, roman.year());
        assertEquals(2, only("quý II năm 2019").quarter());
        assertEquals(3, only("quý III").quarter());
        assertNull(only("quý 3").year());
        assertTrue(PARSER.parse("kính gửi quý khách").isEmpty());
        assertTrue(PARSER.parse("quý 5").isEmpty());
    }

    // ---- robustness

    @Test
    void decomposedInputStillParsesWithOriginalOffsets() {
        String nfd = Normalizer.normalize("Rạng sáng 28-6, tối thứ Bảy", Normalizer.Form.NFD);
        List<TemporalMention> mentions = PARSER.parse(nfd);
        assertEquals(2, mentions.size());
        assertEquals("rạng sáng", mentions.get(0).partOfDay());
        assertEquals(nfd.substring(mentions.get(0).start(), mentions.get(0).end()), mentions.get(0).surface());
        assertEquals("weekday:SATURDAY", mentions.get(1).relative());
    }

    @Test
    void emptyInput() {
        assertTrue(PARSER.parse("").isEmpty());
        assertTrue(PARSER.parse(null).isEmpty());
    }

    @Test
    void survivesJavaSerialization() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(PARSER);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            TemporalExpressionParser copy = (TemporalExpressionParser) in.readObject();
            assertEquals(PARSER.parse("Sáng 28-6, tháng 1/2017"), copy.parse("Sáng 28-6, tháng 1/2017"));
        }
    }
}
