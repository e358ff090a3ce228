package newslens.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads articles from JSON: JSON Lines (one object per line), a single object, or an array of objects.
 *
 * <p>Each record needs a non-empty string {@code text}; {@code id}, {@code title}, {@code url},
 * {@code source} and {@code publishedAt} (also spelled {@code published_at} or {@code date}) are optional,
 * and numbers or booleans there are taken as their text. A bad record is rejected on its own: in a JSON
 * Lines file the other lines are kept, so a truncated last line costs one article.
 *
 * <p>Stateless and thread-safe: the shared {@link ObjectMapper} is only used to read.
 */
public final class JsonArticleReader {

    /** One record of the file: an article, or why that line yields none. */
    public sealed interface Line extends Serializable permits JsonArticle, Rejected {
        /** The 1-based line where the record starts. */
        int lineNumber();
    }

    /** A record's fields as found; absent or blank optional fields are {@code null}, nothing is normalised. */
    public record JsonArticle(int lineNumber, String id, String text, String title, String url, String source,
                              String publishedAt) implements Line {
        public JsonArticle {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A record that yields no article; the rejection's detail starts with {@code "line N: "}. */
    public record Rejected(int lineNumber, Rejection rejection) implements Line {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** One line must hold exactly one value: {@code {"a":1} junk} is malformed, not {@code {"a":1}}. */
    private static final ObjectReader SINGLE_VALUE_READER =
            MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> PUBLISHED_AT_FIELDS = List.of("publishedAt", "published_at", "date");
    private static final int MAX_ERROR_CHARS = 120;

    private JsonArticleReader() {
    }

    /** The records of {@code fileContent} in file order; blank lines are skipped. */
    public static List<Line> read(String fileContent) {
        Objects.requireNonNull(fileContent, "fileContent");
        // A BOM left by a caller that did not go through InputDecoder would be a JSON syntax error.
        String content = fileContent.startsWith("\uFEFF") ? fileContent.substring(1) : fileContent;
        if (content.isBlank()) {
            return List.of();
        }
        if (content.strip().startsWith("[")) {
            return readArray(content);
        }
        // Most files are well-formed: read them as a stream of values (this also accepts an object spread
        // over several lines); only a file with an error is re-read line by line to keep the good lines.
        List<Line> values = readValueStream(content);
        return values != null ? values : readLines(content);
    }

    /** Every root value of the content, or null when the content has a syntax error. */
    private static List<Line> readValueStream(String content) {
        List<Line> out = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(content)) {
            while (parser.nextToken() != null) {
                int lineNumber = parser.currentTokenLocation().getLineNr();
                out.add(toLine(MAPPER.readTree(parser), lineNumber));
            }
            return out;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
    }

    private static List<Line> readLines(String content) {
        List<Line> out = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < content.length()) {
            int end = content.indexOf('\n', start);
            if (end < 0) {
                end = content.length();
            }
            String line = content.substring(start, end);
            start = end + 1;
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(toLine(SINGLE_VALUE_READER.readTree(line), lineNumber));
            } catch (JsonProcessingException e) {
                out.add(malformed(lineNumber, e));
            }
        }
        return out;
    }

    /** The array's elements up to the first syntax error, which becomes one rejection. */
    private static List<Line> readArray(String content) {
        List<Line> out = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(content)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                int lineNumber = parser.currentTokenLocation().getLineNr();
                if (token == null) {
                    out.add(rejected(RejectReason.MALFORMED_JSON, lineNumber, "the array is not closed"));
                    return out;
                }
                out.add(toLine(MAPPER.readTree(parser), lineNumber));
            }
            if (parser.nextToken() != null) {
                int lineNumber = parser.currentTokenLocation().getLineNr();
                out.add(rejected(RejectReason.MALFORMED_JSON, lineNumber, "content after the closing ']'"));
            }
        } catch (JsonProcessingException e) {
            out.add(malformed(e.getLocation() == null ? 1 : e.getLocation().getLineNr(), e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
        return out;
    }

    private static Line toLine(JsonNode node, int lineNumber) {
        if (!node.isObject()) {
            return rejected(RejectReason.MALFORMED_JSON, lineNumber,
                    "expected a JSON object, found " + kind(node));
        }
        JsonNode text = node.get("text");
        if (text == null || text.isNull()) {
            return rejected(RejectReason.MISSING_TEXT, lineNumber, "missing required field 'text'");
        }
        if (!text.isTextual()) {
            return rejected(RejectReason.MISSING_TEXT, lineNumber, "field 'text' is " + kind(text) + ", not a string");
        }
        if (text.asText().isBlank()) {
            return rejected(RejectReason.MISSING_TEXT, lineNumber, "field 'text' is empty");
        }
        String publishedAt = null;
        for (int i = 0; i < PUBLISHED_AT_FIELDS.size() && publishedAt == null; i++) {
            publishedAt = scalarText(node, PUBLISHED_AT_FIELDS.get(i));
        }
        return new JsonArticle(lineNumber, scalarText(node, "id"), text.asText(), scalarText(node, "title"),
                scalarText(node, "url"), scalarText(node, "source"), publishedAt);
    }

    /** A string, number or boolean field as text; absent, null, blank or structured values give null. */
    private static String scalarText(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static Rejected malformed(int lineNumber, JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > MAX_ERROR_CHARS) {
            message = message.substring(0, MAX_ERROR_CHARS) + "…";
        }
        return rejected(RejectReason.MALFORMED_JSON, lineNumber, "invalid JSON: " + message);
    }

    private static Rejected rejected(RejectReason reason, int lineNumber, String problem) {
        return new Rejected(lineNumber, new Rejection(reason, "line " + lineNumber + ": " + problem));
    }
}
