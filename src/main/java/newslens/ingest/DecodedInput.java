package newslens.ingest;

import java.io.Serializable;
import java.util.Objects;

/** The outcome of turning a file's bytes into text: the text, or why there is none. */
public sealed interface DecodedInput extends Serializable permits DecodedInput.Text, DecodedInput.Failed {

    /**
     * @param text    the decoded text, byte order mark removed; as in the file (not normalised) for UTF-8 and
     *                UTF-16, composed to NFC for the legacy encodings, whose tone marks may be separate bytes
     * @param charset the encoding it was decoded from: {@code "UTF-8"}, {@code "UTF-16LE"}, {@code "UTF-16BE"},
     *                or a {@link LegacyVietnameseCharset#charsetName()}: {@code "windows-1258"},
     *                {@code "TCVN3"}, {@code "VNI"}
     */
    record Text(String text, String charset) implements DecodedInput {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(charset, "charset");
        }
    }

    record Failed(Rejection rejection) implements DecodedInput {
        public Failed {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
