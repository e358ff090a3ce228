package newslens.entities;

/** Entity classes, as in the VLSP scheme the project is measured against. */
public enum EntityType {
    PER, LOC, ORG, MISC;

    /** Prefix of pattern-derived entity ids ({@code per:nguyen_van_an}). */
    public String idPrefix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
