package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class InputDecoderTest {

    private static final String ARTICLE = "Hà Nội mưa lớn\nSáng 5/6, nhiều tuyến phố ngập sâu.";
    /** Written for these tests; every legacy encoding must give it back exactly. */
    private static final String VIETNAMESE = """
            Đà Nẵng khánh thành cây cầu mới bắc qua sông Hàn
            Sáng 12/10, thành phố tổ chức lễ khánh thành. Người dân hai bên bờ không còn phải đi vòng             qua những cây cầu cũ, việc đi lại trở nên thuận tiện hơn. Ông Nguyễn Văn Quý, một người             bán hàng ở quận Sơn Trà, cho biết đã chờ đợi ngày này rất lâu.
            Ảnh: Đức Huy""";
    private static final String SHORT_VIETNAMESE = "Giá xăng tăng nhẹ từ chiều nay";

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
        assertRejected(RejectReason.ENCODING,
                "invalid UTF-8 byte 0xE9 at offset 3; no legacy charset fits (best windows-1258: 1 Vietnamese words, too few)",
                InputDecoder.decode(bytes));
    }

    @Test
    void rejectsATruncatedUtf8Sequence() {
        byte[] whole = "Việt".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 2);
        assertRejected(RejectReason.ENCODING,
                "invalid UTF-8 byte 0xE1 at offset 2; no legacy charset fits (best windows-1258: 1 Vietnamese words, too few)",
                InputDecoder.decode(truncated));
        // A long UTF-8 text cut inside its last letter: read as a legacy encoding, its UTF-8 letters are mojibake.
        byte[] article = (VIETNAMESE + " Việt").getBytes(StandardCharsets.UTF_8);
        DecodedInput cut = InputDecoder.decode(Arrays.copyOf(article, article.length - 2));
        assertRejectedStartingWith(RejectReason.ENCODING, "invalid UTF-8 byte 0xE1 at offset " + (article.length - 4), cut);
        assertTrue(failure(cut).detail().contains("; no legacy charset fits ("), failure(cut).detail());
    }

    @Test
    void decodesEachLegacyVietnameseEncodingToTheNfcOriginal() {
        for (LegacyVietnameseCharset charset : LegacyVietnameseCharset.values()) {
            for (String sentence : List.of(VIETNAMESE, SHORT_VIETNAMESE)) {
                String expected = LegacyEncodings.typeable(sentence, charset);
                DecodedInput decoded = InputDecoder.decode(LegacyEncodings.encode(expected, charset));
                DecodedInput.Text text = assertText(decoded);
                assertEquals(expected, text.text(), charset.name());
                assertEquals(charset.charsetName(), text.charset());
            }
        }
    }

    @Test
    void decodesWindows1258MadeByJavasOwnEncoderFromDecomposedText() {
        byte[] bytes = windows1258Form(VIETNAMESE).getBytes(Charset.forName("windows-1258"));
        DecodedInput.Text text = assertText(InputDecoder.decode(bytes));
        assertEquals(VIETNAMESE, text.text());
        assertEquals("windows-1258", text.charset());
    }

    @Test
    void decodesTheSampleCorpusLegacyFile() throws Exception {
        Path file = Path.of("jobs/sample-corpus/legacy/mua-lon-ha-noi-windows-1258.txt");
        Assumptions.assumeTrue(Files.isRegularFile(file), "run from the project root");
        DecodedInput.Text text = assertText(InputDecoder.decode(Files.readAllBytes(file)));
        assertEquals("windows-1258", text.charset());
        assertTrue(text.text().startsWith("Mưa lớn gây ngập nhiều tuyến phố ở Hà Nội"), text.text());
        assertTrue(Normalizer.isNormalized(text.text(), Normalizer.Form.NFC));
    }

    @Test
    void leavesLatin1EnglishAndFrenchAlone() {
        String english = "The café on Main Street served crème brûlée to naïve tourists, and the chef's résumé "
                + "listed Zürich, São Paulo and Montréal among the cities where he had cooked.";
        String french = "Le député a présenté à la presse un projet de loi très détaillé sur l'énergie et la santé; "
                + "selon lui, les élèves des écoles rurales en profiteront dès la rentrée.";
        for (String text : List.of(english, french)) {
            DecodedInput decoded = InputDecoder.decode(text.getBytes(StandardCharsets.ISO_8859_1));
            assertRejectedStartingWith(RejectReason.ENCODING, "invalid UTF-8 byte 0xE9 at offset", decoded);
            assertTrue(failure(decoded).detail().contains("no legacy charset fits"), failure(decoded).detail());
        }
    }

    @Test
    void leavesVietnameseWithItsDiacriticsLostToLatin1Alone() {
        // What a Latin-1 encoder makes of Vietnamese: letters it lacks become '?'.
        byte[] bytes = "Thành phố đã khởi công tuyến đường sắt mới".getBytes(StandardCharsets.ISO_8859_1);
        assertRejectedStartingWith(RejectReason.ENCODING, "invalid UTF-8 byte 0xE0 at offset 2; no legacy charset fits",
                InputDecoder.decode(bytes));
    }

    @Test
    void rejectsRandomBytes() {
        Random random = new Random(42);
        byte[] printable = new byte[2000];
        for (int i = 0; i < printable.length; i++) {
            printable[i] = (byte) (0x20 + random.nextInt(0xE0));
        }
        assertRejectedStartingWith(RejectReason.ENCODING, "invalid UTF-8 byte", InputDecoder.decode(printable));
        byte[] any = new byte[2000];
        random.nextBytes(any);
        assertEquals(RejectReason.BINARY, failure(InputDecoder.decode(any)).reason());
    }

    @Test
    void decodesUtf16WithoutByteOrderMarkWhenItsNulBytesSaySo() {
        DecodedInput.Text little = assertText(InputDecoder.decode(VIETNAMESE.getBytes(StandardCharsets.UTF_16LE)));
        DecodedInput.Text big = assertText(InputDecoder.decode(VIETNAMESE.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(VIETNAMESE, little.text());
        assertEquals("UTF-16LE", little.charset());
        assertEquals(VIETNAMESE, big.text());
        assertEquals("UTF-16BE", big.charset());
    }

    @Test
    void rejectsBinaryWhoseNulBytesAreOnBothSides() {
        byte[] bytes = {'G', 'I', 'F', 0, 1, 0, 0, 'x', 0, 'y', 0, 'z'};
        assertRejected(RejectReason.BINARY, "NUL byte at offset 3: binary, not text", InputDecoder.decode(bytes));
    }

    @Test
    void aUtf8ByteOrderMarkRulesOutLegacyEncodings() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                LegacyEncodings.encode(VIETNAMESE, LegacyVietnameseCharset.VNI));
        assertRejectedStartingWith(RejectReason.ENCODING, "invalid UTF-8 byte", InputDecoder.decode(bytes));
        assertEquals(-1, failure(InputDecoder.decode(bytes)).detail().indexOf(';'));
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
        assertEquals(new Rejection(reason, detail), failure(decoded));
        assertTrue(detail.length() < 120, detail);
    }

    private static void assertRejectedStartingWith(RejectReason reason, String detailStart, DecodedInput decoded) {
        Rejection rejection = failure(decoded);
        assertEquals(reason, rejection.reason(), rejection.toString());
        assertTrue(rejection.detail().startsWith(detailStart), rejection.detail());
        assertTrue(rejection.detail().length() < 120, rejection.detail());
    }

    /**
     * Windows-1258 has letters with their vowel marks (â, ơ, ư...) but stores most tone marks as separate
     * combining characters, and Java's encoder maps only what is in the code page: split the tones off.
     */
    private static String windows1258Form(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            String tones = decomposed.replaceAll("[^\u0300\u0301\u0303\u0309\u0323]", "");
            String base = Normalizer.normalize(decomposed.replaceAll("[\u0300\u0301\u0303\u0309\u0323]", ""),
                    Normalizer.Form.NFC);
            out.append(base).append(tones);
        }
        return out.toString();
    }

    private static Rejection failure(DecodedInput decoded) {
        return assertInstanceOf(DecodedInput.Failed.class, decoded, () -> "expected a reject, got " + decoded).rejection();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
