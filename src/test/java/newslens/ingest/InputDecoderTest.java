package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputDecoderTest {

    private static final String ARTICLE = "Hà Nội mưa lớn\nSáng 5/6, nhiều tuyến phố ngập sâu.";

    @Test
    void decodesPlainUtf8() {
        DecodedInput.Text text = assertText(InputDecoder.decode(ARTICLE.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ARTICLE, text.text());
        assertEquals("UTF-8", text.charset());
    }

    @Test
    void stripsTheUtf8ByteOrderMark() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ARTICLE.getBytes(StandardCharsets.UTF_8));
        assertEquals(ARTICLE, assertText(InputDecoder.decode(bytes)).text());
    }

    @Test
    void decodesUtf16WithByteOrderMark() {
        byte[] little = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ARTICLE.getBytes(StandardCharsets.UTF_16LE));
        byte[] big = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, ARTICLE.getBytes(StandardCharsets.UTF_16BE));
        DecodedInput.Text fromLittle = assertText(InputDecoder.decode(little));
        DecodedInput.Text fromBig = assertText(InputDecoder.decode(big));
        assertEquals(ARTICLE, fromLittle.text());
        assertEquals("UTF-16LE", fromLittle.charset());
        assertEquals(ARTICLE, fromBig.text());
        assertEquals("UTF-16BE", fromBig.charset());
    }

    @Test
    void rejectsEmptyInput() {
        assertRejected(RejectReason.EMPTY, "the file has no bytes", InputDecoder.decode(new byte[0]));
        assertRejected(RejectReason.EMPTY, "the file holds only whitespace",
                InputDecoder.decode(" \r\n\t\n".getBytes(StandardCharsets.UTF_8)));
        assertRejected(RejectReason.EMPTY, "the file holds only whitespace",
                InputDecoder.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        assertRejected(RejectReason.EMPTY, "the file holds only whitespace",
                InputDecoder.decode("\uFEFF\u00A0 \u200B\n".getBytes(StandardCharsets.UTF_8)));
        assertRejected(RejectReason.EMPTY, "the file holds only whitespace",
                InputDecoder.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, " \n".getBytes(StandardCharsets.UTF_16LE))));
    }

    @Test
    void rejectsNulBytesAsBinary() {
        byte[] bytes = "PNG header\u0000\u0001data".getBytes(StandardCharsets.UTF_8);
        assertRejected(RejectReason.BINARY, "NUL byte at offset 10: binary, not text", InputDecoder.decode(bytes));
    }

    @Test
    void rejectsManyControlBytesAsBinary() {
        byte[] bytes = "ab\u0001\u0002\u0003cd\u0004\u0005ef".getBytes(StandardCharsets.UTF_8);
        DecodedInput decoded = InputDecoder.decode(bytes);
        assertRejected(RejectReason.BINARY, "5 of 11 bytes are control characters: binary, not text", decoded);
    }

    @Test
    void rejectsControlCharactersInUtf16AsBinary() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a\u0000b".getBytes(StandardCharsets.UTF_16LE));
        assertRejected(RejectReason.BINARY, "NUL character at offset 4: binary, not text", InputDecoder.decode(bytes));
    }

    @Test
    void toleratesAStrayControlByteInRealText() {
        String text = "Trường mầm non 10, Q.11, TP.HCM \u0008đến thời điểm này có 33 trẻ đang được chăm sóc.";
        assertEquals(text, assertText(InputDecoder.decode(text.getBytes(StandardCharsets.UTF_8))).text());
    }

    @Test
    void rejectsInvalidUtf8WithTheOffendingByte() {
        byte[] bytes = concat("caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9, ' ', 'n', 'o', 'i'});
        assertRejected(RejectReason.ENCODING, "invalid UTF-8 byte 0xE9 at offset 3", InputDecoder.decode(bytes));
    }

    @Test
    void rejectsATruncatedUtf8Sequence() {
        byte[] whole = "Việt".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 2);
        assertRejected(RejectReason.ENCODING, "invalid UTF-8 byte 0xE1 at offset 2", InputDecoder.decode(truncated));
    }

    @Test
    void reportsOffsetsInTheFileIncludingTheByteOrderMark() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'b', (byte) 0xFF};
        assertRejected(RejectReason.ENCODING, "invalid UTF-8 byte 0xFF at offset 5", InputDecoder.decode(bytes));
    }

    @Test
    void rejectsAnUnpairedUtf16Surrogate() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0x00, (byte) 0xD8, 'b', 0};
        assertRejected(RejectReason.ENCODING, "invalid UTF-16LE sequence at offset 4", InputDecoder.decode(bytes));
    }

    @Test
    void rejectCodesAreStable() {
        Map<RejectReason, String> codes = new LinkedHashMap<>();
        for (RejectReason reason : RejectReason.values()) {
            codes.put(reason, reason.code());
        }
        assertEquals(Map.of(
                RejectReason.EMPTY, "empty",
                RejectReason.BINARY, "binary",
                RejectReason.ENCODING, "encoding",
                RejectReason.TOO_LARGE, "too_large",
                RejectReason.MALFORMED_JSON, "malformed_json",
                RejectReason.MISSING_TEXT, "missing_text",
                RejectReason.NO_CONTENT, "no_content",
                RejectReason.UNREADABLE, "unreadable",
                RejectReason.UNSUPPORTED_FORMAT, "unsupported_format",
                RejectReason.DUPLICATE_ID, "duplicate_id"), codes);
    }

    @Test
    void resultsSurviveJavaSerialization() throws Exception {
        DecodedInput text = InputDecoder.decode(ARTICLE.getBytes(StandardCharsets.UTF_8));
        DecodedInput failed = InputDecoder.decode(new byte[0]);
        assertEquals(text, roundTrip(text));
        assertEquals(failed, roundTrip(failed));
    }

    static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    private static DecodedInput.Text assertText(DecodedInput decoded) {
        return assertInstanceOf(DecodedInput.Text.class, decoded, () -> "expected text, got " + decoded);
    }

    private static void assertRejected(RejectReason reason, String detail, DecodedInput decoded) {
        DecodedInput.Failed failed = assertInstanceOf(DecodedInput.Failed.class, decoded, () -> "expected a reject, got " + decoded);
        assertEquals(new Rejection(reason, detail), failed.rejection());
        assertTrue(failed.rejection().detail().length() < 100);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
