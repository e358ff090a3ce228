package newslens.ingest;

import java.io.Serializable;
import java.util.Objects;

/** The outcome of turning a file's bytes into text: the text, or why there is none. */
public sealed interface DecodedInput extends Serializable permits DecodedInput.Text, DecodedInput.Failed {

    /**
     * @param text    the decoded text, byte order mark removed, otherwise as in the file (not normalised)
     * @param charset the Java name of the encoding it was decoded from, e.g. {@code "UTF-8"}
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
