package newslens.ingest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import newslens.dates.DateEvidence;
import newslens.dates.DateResolution;
import newslens.dates.PublicationDateResolver;

/**
 * Turns the bytes of one input file into articles and rejects: decoding, cleaning, parsing of the
 * title/header/source lines, publication-date resolution and the content hash. Plain Java: the
 * ingest stage calls it inside {@code mapPartitions}, tests call it directly.
 */
public final class ArticleExtractor implements Serializable {
    private static final long serialVersionUID = 1L;


    private final long maxFileBytes;
    private final LocalDate defaultDate;
    private final PublicationDateResolver dateResolver;

    public ArticleExtractor(long maxFileBytes, LocalDate defaultDate) {
        this.maxFileBytes = maxFileBytes;
        this.defaultDate = defaultDate;
        this.dateResolver = new PublicationDateResolver();
    }

    public boolean isTooLarge(InputFile file) {
        return file.size() > maxFileBytes;
    }

    public IngestOutcome.Reject tooLarge(InputFile file) {
        return reject(file, 0, RejectReason.TOO_LARGE,
                "file has " + file.size() + " bytes, over the limit of " + maxFileBytes + " (ingest.maxFileBytes)");
    }

    public IngestOutcome.Reject unreadable(InputFile file, String why) {
        return reject(file, 0, RejectReason.UNREADABLE, why);
    }

    public List<IngestOutcome> extract(InputFile file, byte[] bytes) {
        DecodedInput decoded = InputDecoder.decode(bytes);
        if (decoded instanceof DecodedInput.Failed failed) {
            return List.of(reject(file, 0, failed.rejection().reason(), failed.rejection().detail()));
        }
        String content = ((DecodedInput.Text) decoded).text();
        return switch (file.extension()) {
            case "txt" -> List.of(fromText(file, content));
            case "json", "jsonl", "ndjson" -> fromJsonLines(file, content);
            default -> List.of(reject(file, 0, RejectReason.UNSUPPORTED_FORMAT,
                    "extension '." + file.extension() + "' is not a supported input format"));
        };
    }

    private IngestOutcome fromText(InputFile file, String content) {
        ParsedArticle parsed = ArticleParser.parse(content);
        return article(file, 0, file.stem(), null, parsed, file.size());
    }

    private List<IngestOutcome> fromJsonLines(InputFile file, String content) {
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (JsonArticleReader.Line line : JsonArticleReader.read(content)) {
            if (line instanceof JsonArticleReader.Rejected rejected) {
                outcomes.add(reject(file, rejected.lineNumber(), rejected.rejection().reason(),
                        rejected.rejection().detail()));
                continue;
            }
            JsonArticleReader.JsonArticle json = (JsonArticleReader.JsonArticle) line;
            ParsedArticle parsed = ArticleParser.parseRecord(json.text(), json.title(), json.url(), json.source());
            String docId = json.id() != null && !json.id().isBlank()
                    ? json.id().strip()
                    : file.stem() + "#" + json.lineNumber();
            outcomes.add(article(file, json.lineNumber(), docId, json.publishedAt(), parsed,
                    json.text().getBytes(StandardCharsets.UTF_8).length));
        }
        if (outcomes.isEmpty()) {
            outcomes.add(reject(file, 0, RejectReason.EMPTY, "JSON file holds no article lines"));
        }
        return outcomes;
    }

    private IngestOutcome article(InputFile file, int ordinal, String docId, String publishedAt,
                                  ParsedArticle parsed, long nBytes) {
        if (parsed.body().isBlank()) {
            return reject(file, ordinal, RejectReason.NO_CONTENT,
                    "nothing but a title and boilerplate is left after cleaning", nBytes);
        }
        String publishedAsWritten = publishedAt != null ? publishedAt : parsed.headerTimestamp();
        DateResolution date = dateResolver.resolve(new DateEvidence(
                publishedAt, parsed.headerTimestamp(), parsed.url(), parsed.title(), parsed.body(), defaultDate));
        return new IngestOutcome.Article(docId, file.path(), ordinal, contentHash(parsed.body()), parsed.title(),
                parsed.body(), parsed.url(), parsed.source(), parsed.author(), publishedAsWritten, date.date(),
                date.source(), date.confidence());
    }

    private static IngestOutcome.Reject reject(InputFile file, int ordinal, RejectReason reason, String detail) {
        return reject(file, ordinal, reason, detail, file.size());
    }

    private static IngestOutcome.Reject reject(InputFile file, int ordinal, RejectReason reason, String detail,
                                               long nBytes) {
        String where = ordinal > 0 ? "line " + ordinal + ": " : "";
        String text = detail.startsWith("line ") ? detail : where + detail;
        return new IngestOutcome.Reject(file.path(), ordinal, reason.code(), text, nBytes);
    }

    /**
     * SHA-256 of the body with every run of white space folded to one space: syndicated copies of
     * an article are often re-flowed (a paragraph break here, a space there) but are still copies.
     */
    public static String contentHash(String body) {
        return sha256(collapseWhitespace(body).strip());
    }

    /**
     * Every run of ASCII whitespace (regex {@code \\s}: space, tab, line breaks, vertical tab, form feed)
     * as one space; a loop, as a regex replacement was a sixth of ingest's CPU time.
     */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString();
    }

    /** SHA-256 of a file's bytes, for the ledger. */
    static String fileHash(byte[] bytes) {
        return sha256(bytes);
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
