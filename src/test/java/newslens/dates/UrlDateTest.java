package newslens.dates;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UrlDateTest {

    private static Optional<LocalDate> date(int year, int month, int day) {
        return Optional.of(LocalDate.of(year, month, day));
    }

    @Test
    void timestampWithMilliseconds() {
        assertEquals(date(2021, 4, 6), UrlDate.find("https://site.vn/suc-manh-so/bai-viet-20210406150223526.htm"));
    }

    @Test
    void timestampWithoutMilliseconds() {
        assertEquals(date(2021, 4, 6), UrlDate.find("https://site.vn/bai-viet-20210406150223.htm"));
    }

    @Test
    void pathAndSlugDates() {
        assertEquals(date(2018, 10, 24), UrlDate.find("https://site.vn/2018/10/24/bai-viet.html"));
        assertEquals(date(2018, 10, 24), UrlDate.find("https://site.vn/the-gioi/bai-viet-2018-10-24.html"));
        assertEquals(date(2018, 10, 24), UrlDate.find("https://site.vn/20181024/bai-viet.html"));
    }

    @Test
    void rangesAreValidated() {
        // A month 13, an hour 25, a year before 1990 or an id of another length is not a date.
        assertEquals(Optional.empty(), UrlDate.find("https://site.vn/bai-20211306150223526.htm"));
        assertEquals(Optional.empty(), UrlDate.find("https://site.vn/bai-20210406250223.htm"));
        assertEquals(Optional.empty(), UrlDate.find("https://site.vn/1985/10/24/bai.html"));
        assertEquals(Optional.empty(), UrlDate.find("https://site.vn/bai-viet-4051234.html"));
        assertEquals(Optional.empty(), UrlDate.find("https://site.vn/bai-202104061502235.htm"));
        assertEquals(Optional.empty(), UrlDate.find(null));
    }
}
