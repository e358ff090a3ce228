package newslens.ingest.dedup;

/** How a duplicate relates to the head of its group; {@link #code()} is the value of column {@code duplicate_kind}. */
public enum DuplicateKind {
    /** The same body as the head, up to white space (equal content hash). */
    EXACT("exact"),
    /**
     * A different body of the same story: shingle similarity at or above the threshold, possibly by way of
     * other members.
     */
    NEAR("near");

    private final String code;

    DuplicateKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
