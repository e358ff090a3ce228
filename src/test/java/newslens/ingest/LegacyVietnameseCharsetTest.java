package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyVietnameseCharsetTest {

    @Test
    void thisJreHasWindows1258() {
        assertTrue(Charset.isSupported("windows-1258"));
    }

    @Test
    void decodesTcvn3FromTheCodeChart() {
        // n g 0xAD(ư) 0xEA(ờ) i: the "ng­êi" every ABC user has seen in the wrong font.
        assertEquals(Optional.of("người Việt đã về"), LegacyVietnameseCharset.TCVN3.decode(
                bytes(0x6E, 0x67, 0xAD, 0xEA, 0x69, 0x20, 0x56, 0x69, 0xD6, 0x74, 0x20, 0xAE, 0xB7, 0x20, 0x76, 0xD2), 0));
        assertEquals(Optional.of("Ứ Ý Ă Đ"), LegacyVietnameseCharset.TCVN3.decode(
                bytes(0x11, 0x20, 0x16, 0x20, 0xA1, 0x20, 0xA7), 0));
        // Windows punctuation stays: ABC fonts are Windows fonts.
        assertEquals(Optional.of("\u201Cà\u201D"), LegacyVietnameseCharset.TCVN3.decode(bytes(0x93, 0xB5, 0x94), 0));
    }

    @Test
    void decodesVniFromTheCodeChart() {
        // "Vieät Nam", "Ngöôøi": base letters followed by their mark bytes.
        assertEquals(Optional.of("Việt Nam người Đà ị ỵ ắ"), LegacyVietnameseCharset.VNI.decode(
                "Vieät Nam ngöôøi ÑaØ ò yî aé".getBytes(Charset.forName("windows-1252")), 0));
    }

    @Test
    void decodesWindows1258AndComposesItsToneMarkBytes() {
        // 0xFD is ư, 0xF5 ơ, 0xEC the combining acute, 0xD2 the combining hook above.
        assertEquals(Optional.of("Mưa lớn ở"), LegacyVietnameseCharset.WINDOWS_1258.decode(
                bytes(0x4D, 0xFD, 0x61, 0x20, 0x6C, 0xF5, 0xEC, 0x6E, 0x20, 0xF5, 0xD2), 0));
    }

    @Test
    void undefinedBytesMakeTheDecodingImpossible() {
        assertEquals(Optional.empty(), LegacyVietnameseCharset.TCVN3.decode(bytes(0x61, 0x81), 0));
        assertEquals(Optional.empty(), LegacyVietnameseCharset.VNI.decode(bytes(0x61, 0x8D), 0));
        assertEquals(Optional.empty(), LegacyVietnameseCharset.WINDOWS_1258.decode(bytes(0x61, 0x81), 0));
    }

    @Test
    void startsAtTheGivenOffset() {
        assertEquals(Optional.of("à"), LegacyVietnameseCharset.TCVN3.decode(bytes(0x81, 0xB5), 1));
    }

    @Test
    void everyVietnameseLetterRoundTripsThroughTheTestEncoder() {
        String lower = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";
        String upper = "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬBCDĐEÈẺẼÉẸÊỀỂỄẾỆGHIÌỈĨÍỊKLMNOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢPQRSTUÙỦŨÚỤƯỪỬỮỨỰVXYỲỶỸÝỴ";
        for (LegacyVietnameseCharset charset : LegacyVietnameseCharset.values()) {
            assertEquals(Optional.of(lower), charset.decode(LegacyEncodings.encode(lower, charset), 0), charset.name());
            if (charset != LegacyVietnameseCharset.TCVN3) {
                assertEquals(Optional.of(upper), charset.decode(LegacyEncodings.encode(upper, charset), 0), charset.name());
            }
        }
        assertEquals("ASCII", new String(LegacyEncodings.encode("ASCII", LegacyVietnameseCharset.VNI), StandardCharsets.US_ASCII));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
