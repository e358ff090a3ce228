package newslens.ingest;

/** Why an input (a file, or one line of a JSON Lines file) produced no article. */
public enum RejectReason {
    EMPTY("empty"),
    BINARY("binary"),
    ENCODING("encoding"),
    TOO_LARGE("too_large"),
    MALFORMED_JSON("malformed_json"),
    MISSING_TEXT("missing_text"),
    /** Only boilerplate or whitespace was left after cleaning. */
    NO_CONTENT("no_content"),
    UNREADABLE("unreadable"),
    UNSUPPORTED_FORMAT("unsupported_format"),
    /** The doc_id (a JSON {@code id}, or a path) was already taken by another input of the batch. */
    DUPLICATE_ID("duplicate_id");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** Stable lower-case code written to the {@code rejects} table; never rename one. */
    public String code() {
        return code;
    }
}
