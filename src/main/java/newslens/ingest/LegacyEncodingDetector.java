package newslens.ingest;

import java.util.Optional;

/**
 * Chooses the legacy Vietnamese encoding of a file that is not UTF-8, or abstains.
 *
 * <p>Every {@link LegacyVietnameseCharset} decodes the bytes and the text is scored
 * ({@link VietnameseTextScore}). The encoding with the highest share of Vietnamese syllables wins only
 * when its text passes every bar below AND its share beats the runner-up's by {@link #MIN_MARGIN};
 * otherwise the file is rejected with reason {@code encoding}. Wrong tables turn most accented words into
 * mojibake, so the right table usually leads by far more than the margin; English or French text read
 * through any table stays far below the bars (few syllable-shaped words, no Vietnamese function words).
 */
final class LegacyEncodingDetector {

    /** Vietnamese news text scores 0.9 and more; a wrong table or another language scores far less. */
    static final double MIN_SYLLABLE_SHARE = 0.80;
    /** Function words are a fifth of Vietnamese prose; English read as windows-1258 has next to none. */
    static final double MIN_FUNCTION_WORD_SHARE = 0.05;
    /** A rare stray sign is tolerated; a wrong table sprinkles them through every line. */
    static final double MAX_SUSPECT_SHARE = 0.01;
    /** Fewer syllables than this are too little evidence to name an encoding. */
    static final int MIN_SYLLABLES = 3;
    /** How far the winner's syllable share must lead the runner-up's. */
    static final double MIN_MARGIN = 0.15;

    private LegacyEncodingDetector() {
    }

    /**
     * @param notUtf8 why the bytes are not UTF-8, e.g. {@code "invalid UTF-8 byte 0xE9 at offset 17"}: the
     *                start of the reject detail
     */
    static DecodedInput detect(byte[] bytes, int start, String notUtf8) {
        Candidate best = null;
        Candidate runnerUp = null;
        for (LegacyVietnameseCharset charset : LegacyVietnameseCharset.values()) {
            Optional<String> text = charset.decode(bytes, start);
            if (text.isEmpty()) {
                continue;
            }
            Candidate candidate = new Candidate(charset, text.get(), VietnameseTextScore.of(text.get()));
            if (best == null || candidate.share() > best.share()) {
                runnerUp = best;
                best = candidate;
            } else if (runnerUp == null || candidate.share() > runnerUp.share()) {
                runnerUp = candidate;
            }
        }
        if (best == null) {
            return rejected(notUtf8 + "; no legacy charset fits (undefined bytes in each)");
        }
        String weakness = weakness(best.score());
        if (weakness != null) {
            return rejected("%s; no legacy charset fits (best %s: %s)".formatted(notUtf8, best.name(), weakness));
        }
        if (runnerUp != null && best.share() - runnerUp.share() < MIN_MARGIN) {
            return rejected("%s; ambiguous: %s %d%% vs %s %d%% Vietnamese words".formatted(notUtf8,
                    best.name(), percent(best.share()), runnerUp.name(), percent(runnerUp.share())));
        }
        return new DecodedInput.Text(best.text(), best.name());
    }

    /** The first bar the score fails, as a few words for the reject detail; null when it passes all. */
    private static String weakness(VietnameseTextScore score) {
        if (score.syllables() < MIN_SYLLABLES) {
            return "%d Vietnamese words, too few".formatted(score.syllables());
        }
        if (score.syllableShare() < MIN_SYLLABLE_SHARE) {
            return "%d%% Vietnamese words".formatted(percent(score.syllableShare()));
        }
        if (score.functionWordShare() < MIN_FUNCTION_WORD_SHARE) {
            return "%d%% function words".formatted(percent(score.functionWordShare()));
        }
        if (score.suspectShare() > MAX_SUSPECT_SHARE) {
            return "%d%% mojibake characters".formatted(percent(score.suspectShare()));
        }
        return null;
    }

    private static int percent(double share) {
        return (int) Math.round(100 * share);
    }

    private static DecodedInput rejected(String detail) {
        return new DecodedInput.Failed(new Rejection(RejectReason.ENCODING, detail));
    }

    private record Candidate(LegacyVietnameseCharset charset, String text, VietnameseTextScore score) {

        String name() {
            return charset.charsetName();
        }

        double share() {
            return score.syllableShare();
        }
    }
}
