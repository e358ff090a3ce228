package newslens.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns a file's bytes into text, or into a {@link Rejection} saying why it cannot be read as an article.
 *
 * <p>Order of checks: empty input; byte order mark (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM; binary
 * content; strict decoding. A file without a BOM that is not strict UTF-8 goes to
 * {@link LegacyEncodingDetector}, which names its legacy Vietnamese encoding (windows-1258, TCVN3, VNI) or
 * abstains; a file with a UTF-8 BOM is UTF-8 or nothing. UTF-8 files never reach the detector, so they pay
 * nothing for it.
 *
 * <p>UTF-16 without a BOM is read only when its NUL bytes say so: every NUL sits on one side of the 16-bit
 * units (odd offsets for little-endian, even for big-endian) and at least {@link #MIN_UTF16_NUL_SHARE}
 * of the units have one, as ASCII spaces, digits and punctuation give them in any language. Binary files
 * have NULs on both sides and are rejected as {@code binary}.
 *
 * <p>Stateless and thread-safe: decoders are created per call because {@link CharsetDecoder} is not.
 */
public final class InputDecoder {

    /** More control bytes than this share of the input marks it binary; real text has a stray few. */
    private static final double MAX_CONTROL_SHARE = 0.05;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final int UTF16_BOM_BYTES = 2;
    /** Share of the 16-bit units with a NUL byte from which a BOM-less file is taken for UTF-16. */
    private static final double MIN_UTF16_NUL_SHARE = 0.25;

    private InputDecoder() {
    }

    public static DecodedInput decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            return failed(RejectReason.EMPTY, "the file has no bytes");
        }
        DecodedInput decoded;
        if (startsWith(bytes, UTF8_BOM)) {
            decoded = decodeAsciiCompatible(bytes, UTF8_BOM.length);
        } else if (startsWith(bytes, UTF16LE_BOM)) {
            decoded = decodeUtf16(bytes, UTF16_BOM_BYTES, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, UTF16BE_BOM)) {
            decoded = decodeUtf16(bytes, UTF16_BOM_BYTES, StandardCharsets.UTF_16BE);
        } else {
            decoded = decodeAsciiCompatible(bytes, 0);
        }
        if (decoded instanceof DecodedInput.Text text && !hasVisibleCharacter(text.text())) {
            return failed(RejectReason.EMPTY, "the file holds only whitespace");
        }
        return decoded;
    }

    /**
     * Checks the bytes first: UTF-8 (any ASCII-compatible) text has no NUL and few control bytes.
     *
     * @param start 0, or the length of the UTF-8 BOM, which rules out UTF-16 and legacy encodings
     */
    private static DecodedInput decodeAsciiCompatible(byte[] bytes, int start) {
        int firstNul = -1;
        int controls = 0;
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0 && firstNul < 0) {
                firstNul = i;
            }
            if (isBinaryControl(b)) {
                controls++;
            }
        }
        boolean hasBom = start > 0;
        Charset utf16 = firstNul >= 0 && !hasBom ? utf16ByNulBytes(bytes) : null;
        if (utf16 != null) {
            return decodeUtf16(bytes, 0, utf16);
        }
        String binary = binaryDetail(firstNul, controls, bytes.length - start, "byte");
        if (binary != null) {
            return failed(RejectReason.BINARY, binary);
        }
        DecodedInput utf8 = decodeStrict(bytes, start, StandardCharsets.UTF_8);
        if (utf8 instanceof DecodedInput.Failed failed && !hasBom) {
            return LegacyEncodingDetector.detect(bytes, start, failed.rejection().detail());
        }
        return utf8;
    }

    /** UTF-16LE or UTF-16BE when the NUL bytes are laid out as UTF-16 text has them, else null. */
    private static Charset utf16ByNulBytes(byte[] bytes) {
        if (bytes.length % 2 != 0) {
            return null;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenNuls++;
                } else {
                    oddNuls++;
                }
            }
        }
        int minNuls = (int) Math.ceil(MIN_UTF16_NUL_SHARE * bytes.length / 2);
        if (evenNuls == 0 && oddNuls > 0 && oddNuls >= minNuls) {
            return StandardCharsets.UTF_16LE;
        }
        if (oddNuls == 0 && evenNuls > 0 && evenNuls >= minNuls) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** UTF-16 has NUL bytes in ordinary text, so its binary check looks at the decoded characters. */
    private static DecodedInput decodeUtf16(byte[] bytes, int start, Charset charset) {
        DecodedInput decoded = decodeStrict(bytes, start, charset);
        if (!(decoded instanceof DecodedInput.Text text)) {
            return decoded;
        }
        String s = text.text();
        int firstNul = -1;
        int controls = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 && firstNul < 0) {
                firstNul = start + 2 * i;
            }
            if (isBinaryControl(c)) {
                controls++;
            }
        }
        String binary = binaryDetail(firstNul, controls, s.length(), "character");
        return binary != null ? failed(RejectReason.BINARY, binary) : decoded;
    }

    private static DecodedInput decodeStrict(byte[] bytes, int start, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        // Neither UTF-8 nor UTF-16 yields more chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            String detail = charset == StandardCharsets.UTF_8
                    ? "invalid UTF-8 byte 0x%02X at offset %d".formatted(bytes[offset] & 0xFF, offset)
                    : "invalid %s sequence at offset %d".formatted(charset.name(), offset);
            return failed(RejectReason.ENCODING, detail);
        }
        out.flip();
        return new DecodedInput.Text(out.toString(), charset.name());
    }

    /** C0 controls other than tab, LF, FF and CR, plus DEL. */
    private static boolean isBinaryControl(int unit) {
        return (unit < 0x20 && unit != '\t' && unit != '\n' && unit != '\f' && unit != '\r') || unit == 0x7F;
    }

    private static String binaryDetail(int firstNul, int controls, int total, String unit) {
        if (firstNul >= 0) {
            return "NUL %s at offset %d: binary, not text".formatted(unit, firstNul);
        }
        if (total > 0 && controls > MAX_CONTROL_SHARE * total) {
            return "%d of %d %ss are control characters: binary, not text".formatted(controls, total, unit);
        }
        return null;
    }

    /** Anything but whitespace, Unicode spaces, control and invisible format characters (BOM, zero-width). */
    private static boolean hasVisibleCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)
                    && type != Character.CONTROL && type != Character.FORMAT) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static DecodedInput failed(RejectReason reason, String detail) {
        return new DecodedInput.Failed(new Rejection(reason, detail));
    }
}
