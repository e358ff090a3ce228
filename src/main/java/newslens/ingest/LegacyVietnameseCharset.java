package newslens.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The single-byte encodings older Vietnamese archives were written in. Each is a table from byte to text:
 * windows-1258 is Java's charset, TCVN3 and VNI are windows-1252 with the overrides in
 * {@code newslens/ingest/tcvn3.tsv} and {@code vni.tsv}. Decoding joins the bytes' texts and composes the
 * result to NFC, which puts windows-1258's and VNI's separate tone-mark bytes onto their letters.
 */
public enum LegacyVietnameseCharset {

    WINDOWS_1258("windows-1258", null),
    TCVN3("TCVN3", "newslens/ingest/tcvn3.tsv"),
    VNI("VNI", "newslens/ingest/vni.tsv");

    private static final int BYTE_VALUES = 256;
    private static final String WINDOWS_1252 = "windows-1252";

    private final String charsetName;
    /** What each byte value stands for; null where the encoding leaves the byte undefined. */
    private final List<String> textOfByte;

    LegacyVietnameseCharset(String charsetName, String overridesResource) {
        this.charsetName = charsetName;
        this.textOfByte = overridesResource == null
                ? javaCharsetTable(charsetName)
                : withOverrides(javaCharsetTable(WINDOWS_1252), overridesResource);
    }

    /** The name recorded in {@link DecodedInput.Text#charset()}. */
    public String charsetName() {
        return charsetName;
    }

    /** The bytes from {@code start} as NFC text, or empty when one of them means nothing in this encoding. */
    public Optional<String> decode(byte[] bytes, int start) {
        StringBuilder out = new StringBuilder(bytes.length - start);
        for (int i = start; i < bytes.length; i++) {
            String text = textOfByte.get(bytes[i] & 0xFF);
            if (text == null) {
                return Optional.empty();
            }
            out.append(text);
        }
        return Optional.of(Normalizer.normalize(out, Normalizer.Form.NFC));
    }

    /** Java's single-byte charsets decode byte by byte, so one strict decode per byte value gives the table. */
    private static List<String> javaCharsetTable(String name) {
        String[] table = new String[BYTE_VALUES];
        if (!Charset.isSupported(name)) {
            // A JRE without the charset leaves every byte undefined: the encoding is never chosen.
            return Collections.unmodifiableList(Arrays.asList(table));
        }
        CharsetDecoder decoder = Charset.forName(name).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int b = 0; b < BYTE_VALUES; b++) {
            try {
                table[b] = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b})).toString();
            } catch (CharacterCodingException undefined) {
                table[b] = null;
            }
        }
        return Collections.unmodifiableList(Arrays.asList(table));
    }

    private static List<String> withOverrides(List<String> base, String resource) {
        String[] table = base.toArray(new String[0]);
        try (InputStream in = LegacyVietnameseCharset.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                StringBuilder text = new StringBuilder();
                for (String codePoint : columns[1].trim().split(" +")) {
                    text.appendCodePoint(Integer.parseInt(codePoint, 16));
                }
                table[Integer.parseInt(columns[0].trim(), 16)] = text.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Collections.unmodifiableList(Arrays.asList(table));
    }
}
