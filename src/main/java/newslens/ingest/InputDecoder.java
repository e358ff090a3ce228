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
 * <p>Order of checks: empty input; byte order mark (UTF-8, UTF-16 LE/BE); binary content; strict decoding.
 * Files without a BOM are decoded as UTF-8 only; detectors for legacy Vietnamese encodings (TCVN3, VNI,
 * VISCII) belong in {@link #decodeWithoutBom}, tried when strict UTF-8 fails.
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
            decoded = decodeUtf16(bytes, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, UTF16BE_BOM)) {
            decoded = decodeUtf16(bytes, StandardCharsets.UTF_16BE);
        } else {
            decoded = decodeAsciiCompatible(bytes, 0);
        }
        if (decoded instanceof DecodedInput.Text text && !hasVisibleCharacter(text.text())) {
            return failed(RejectReason.EMPTY, "the file holds only whitespace");
        }
        return decoded;
    }

    /** Checks the bytes first: UTF-8 (any ASCII-compatible) text has no NUL and few control bytes. */
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
        String binary = binaryDetail(firstNul, controls, bytes.length - start, "byte");
        return binary != null ? failed(RejectReason.BINARY, binary) : decodeWithoutBom(bytes, start);
    }

    private static DecodedInput decodeWithoutBom(byte[] bytes, int start) {
        return decodeStrict(bytes, start, StandardCharsets.UTF_8);
    }

    /** UTF-16 has NUL bytes in ordinary text, so its binary check looks at the decoded characters. */
    private static DecodedInput decodeUtf16(byte[] bytes, Charset charset) {
        DecodedInput decoded = decodeStrict(bytes, UTF16_BOM_BYTES, charset);
        if (!(decoded instanceof DecodedInput.Text text)) {
            return decoded;
        }
        String s = text.text();
        int firstNul = -1;
        int controls = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 && firstNul < 0) {
                firstNul = UTF16_BOM_BYTES + 2 * i;
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
