package newslens.ingest;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Test helper: encodes text INTO the legacy encodings, the inverse of {@link LegacyVietnameseCharset}.
 * For every character it finds the shortest byte sequence (one byte, or a base byte plus a mark byte)
 * that the decoder turns into exactly that character, so fixtures are made from sentences the tests write.
 */
final class LegacyEncodings {

    private static final Map<LegacyVietnameseCharset, Map<Character, byte[]>> INVERSE = buildInverse();

    private LegacyEncodings() {
    }

    static byte[] encode(String text, LegacyVietnameseCharset charset) {
        Map<Character, byte[]> inverse = INVERSE.get(charset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            byte[] bytes = inverse.get(c);
            if (bytes == null) {
                throw new IllegalArgumentException("%s cannot encode '%s'".formatted(charset.charsetName(), c));
            }
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /**
     * The text as a typist could write it in the encoding: ABC (TCVN3) fonts have no capitals with tone
     * marks beyond a few, so those fell back to the lowercase letter.
     */
    static String typeable(String text, LegacyVietnameseCharset charset) {
        if (charset != LegacyVietnameseCharset.TCVN3) {
            return text;
        }
        Map<Character, byte[]> inverse = INVERSE.get(charset);
        StringBuilder out = new StringBuilder(text.length());
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
            out.append(Character.isUpperCase(c) && !inverse.containsKey(c) ? Character.toLowerCase(c) : c);
        }
        return out.toString();
    }

    /** Whether every character of the text has bytes in the encoding. */
    static boolean canEncode(String text, LegacyVietnameseCharset charset) {
        Map<Character, byte[]> inverse = INVERSE.get(charset);
        return Normalizer.normalize(text, Normalizer.Form.NFC).chars().allMatch(c -> inverse.containsKey((char) c));
    }

    private static Map<LegacyVietnameseCharset, Map<Character, byte[]>> buildInverse() {
        Map<LegacyVietnameseCharset, Map<Character, byte[]>> all = new EnumMap<>(LegacyVietnameseCharset.class);
        for (LegacyVietnameseCharset charset : LegacyVietnameseCharset.values()) {
            Map<Character, byte[]> inverse = new HashMap<>();
            for (int b = 1; b < 256; b++) {
                record(inverse, charset, new byte[] {(byte) b});
            }
            for (int base = 0x20; base < 256; base++) {
                for (int mark = 0x80; mark < 256; mark++) {
                    record(inverse, charset, new byte[] {(byte) base, (byte) mark});
                }
            }
            all.put(charset, inverse);
        }
        return all;
    }

    private static void record(Map<Character, byte[]> inverse, LegacyVietnameseCharset charset, byte[] bytes) {
        charset.decode(bytes, 0)
                .filter(text -> text.length() == 1)
                .ifPresent(text -> inverse.putIfAbsent(text.charAt(0), bytes));
    }
}
