package newslens.dates;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeaderTimestampTest {

    @Test
    void dateOfAHeader() {
        assertEquals(Optional.of(LocalDate.of(2018, 10, 24)), HeaderTimestamp.dateOf("09:11 | 24/10/2018"));
        assertEquals(Optional.of(LocalDate.of(2018, 10, 24)), HeaderTimestamp.dateOf("24.10.2018 - 09:11"));
        assertEquals(Optional.of(LocalDate.of(2018, 10, 24)),
                HeaderTimestamp.dateOf("Cập nhật: Thứ tư, 24-10-2018 09:11 (GMT+7)"));
        assertEquals(Optional.of(LocalDate.of(2018, 10, 24)), HeaderTimestamp.dateOf("2018-10-24 09:11"));
        assertEquals(Optional.empty(), HeaderTimestamp.dateOf("09:11 | 31/02/2018"));
        assertEquals(Optional.empty(), HeaderTimestamp.dateOf(null));
    }
}
