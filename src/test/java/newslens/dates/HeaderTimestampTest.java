package newslens.dates;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeaderTimestampTest {

    @Test
    void findsTheTimestampLineUnderTheTitle() {
        String text = "Tiêu đề bài viết\n\n09:11 | 24/10/2018\n\nNội dung bài viết.";
        assertEquals(Optional.of("09:11 | 24/10/2018"), HeaderTimestamp.find(text));
    }

    @Test
    void acceptsCommonLayouts() {
        assertEquals(Optional.of("24/10/2018 09:11"), HeaderTimestamp.find("Tiêu đề\n  24/10/2018 09:11  \nNội dung"));
        assertEquals(Optional.of("Thứ tư, 24/10/2018, 09:11 (GMT+7)"),
                HeaderTimestamp.find("Tiêu đề\nThứ tư, 24/10/2018, 09:11 (GMT+7)\nNội dung"));
        assertEquals(Optional.of("24/10/2018 - 09:11"), HeaderTimestamp.find("Tiêu đề\n24/10/2018 - 09:11\nNội dung"));
    }

    @Test
    void ignoresDatesInsideSentences() {
        assertEquals(Optional.empty(), HeaderTimestamp.find("Tiêu đề\nLúc 09:11 ngày 24/10/2018, hai bên ký kết."));
    }

    @Test
    void looksOnlyAtTheTopOfTheText() {
        String deep = "Tiêu đề\n" + "Đoạn văn.\n".repeat(HeaderTimestamp.MAX_LINES) + "09:11 | 24/10/2018";
        assertEquals(Optional.empty(), HeaderTimestamp.find(deep));
        assertEquals(Optional.empty(), HeaderTimestamp.find(null));
    }

    @Test
    void dateOfAHeader() {
        assertEquals(Optional.of(LocalDate.of(2018, 10, 24)), HeaderTimestamp.dateOf("09:11 | 24/10/2018"));
        assertEquals(Optional.of(LocalDate.of(2018, 10, 24)), HeaderTimestamp.dateOf("2018-10-24 09:11"));
        assertEquals(Optional.empty(), HeaderTimestamp.dateOf("09:11 | 31/02/2018"));
        assertEquals(Optional.empty(), HeaderTimestamp.dateOf(null));
    }
}
