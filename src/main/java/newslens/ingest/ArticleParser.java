package newslens.ingest;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newslens.text.TextNormalizer;

/**
 * Splits a decoded article text into title, body, URL, source and header timestamp, and removes the
 * boilerplate news sites leave in copied text: photo captions, button residue, the ASCII slug copy of the
 * title, source and URL lines, and the reporter's byline or initials closing the article (kept as its author).
 *
 * <p>The patterns are data, in {@code newslens/ingest/boilerplate.json}; this class applies them. The
 * text is normalised first ({@link TextNormalizer#normalize}), then read in one pass over its lines.
 * Patterns only ever run on short lines or on the last characters of a line, so a megabyte-long line costs
 * no more than reading it.
 *
 * <p>Stateless and thread-safe: the only fields are immutable compiled patterns.
 */
public final class ArticleParser {

    /** A kind of line (or, for {@link #PHOTO_CREDIT}, line ending) removed from the body. */
    public enum Removal {
        HEADER_TIMESTAMP, SOURCE_LINE, URL_LINE, CAPTION_LINE, PHOTO_CREDIT, RESIDUE_LINE, SLUG_LINE,
        CLOSING_CREDIT_LINE, AUTHOR_INITIALS_LINE, BYLINE_LINE
    }

    /** A parsed article with how many lines of each kind were removed, for the job's ingest metrics. */
    public record Outcome(ParsedArticle article, Map<Removal, Integer> removals) implements Serializable {
        public Outcome {
            Objects.requireNonNull(article, "article");
            removals = Map.copyOf(removals);
        }

        public int removed(Removal kind) {
            return removals.getOrDefault(kind, 0);
        }
    }

    /** The contents of boilerplate.json; its comments explain each field. */
    record Rules(int maxCaptionWords, int maxShortLineChars, int maxUrlChars, int headerSearchLines,
                 int photoCreditSearchChars, int maxSourceWords, int maxCreditWords, double slugMinSimilarity,
                 List<String> headerTimestamp, List<String> photoCreditMarkers, List<String> photoCreditAtEnd,
                 List<String> captionStart,
                 List<String> residueLine, List<String> sourceLine, List<String> urlLine,
                 List<String> closingCreditLine, List<String> authorInitialsLine, int maxBylineWords,
                 List<String> bylineLine, String gluedClosingCredit) {
    }

    private static final String RULES_RESOURCE = "newslens/ingest/boilerplate.json";
    private static final Rules RULES = loadRules();
    private static final List<Pattern> HEADER_TIMESTAMP = compile(RULES.headerTimestamp());
    private static final List<Pattern> PHOTO_CREDIT_AT_END = compile(RULES.photoCreditAtEnd());
    private static final List<Pattern> CAPTION_START = compile(RULES.captionStart());
    private static final List<Pattern> RESIDUE_LINE = compile(RULES.residueLine());
    private static final List<Pattern> SOURCE_LINE = compile(RULES.sourceLine());
    private static final List<Pattern> URL_LINE = compile(RULES.urlLine());
    private static final List<Pattern> CLOSING_CREDIT_LINE = compile(RULES.closingCreditLine());
    private static final List<Pattern> AUTHOR_INITIALS_LINE = compile(RULES.authorInitialsLine());
    private static final List<Pattern> BYLINE_LINE = compile(RULES.bylineLine());
    private static final Pattern GLUED_CLOSING_CREDIT = Pattern.compile(RULES.gluedClosingCredit());

    private ArticleParser() {
    }

    /** Parses a plain text file: its first content line is the title. */
    public static ParsedArticle parse(String text) {
        return parseWithRemovals(text).article();
    }

    /**
     * Parses the text of a record (a JSON line) whose other fields are known; a non-blank known value wins over
     * what the text says. The title is the record's only: without one, the whole text is the body (a news brief
     * of one line is an article). When the title is given and the text's first content line repeats it, that
     * line is dropped.
     */
    public static ParsedArticle parseRecord(String text, String knownTitle, String knownUrl, String knownSource) {
        return new LinePass(false, knownTitle, knownUrl, knownSource).run(TextNormalizer.normalize(text)).article();
    }

    /** As {@link #parse(String)}, also counting what was removed. */
    public static Outcome parseWithRemovals(String text) {
        return new LinePass(true, null, null, null).run(TextNormalizer.normalize(text));
    }

    /** The state of one parse; confined to one call. */
    private static final class LinePass {
        private final boolean firstLineIsTitle;
        private final boolean titleGiven;
        private String title;
        private String foldedTitle;
        private String url;
        private int urlRank = Integer.MAX_VALUE;
        private String source;
        private String headerTimestamp;
        private String author;
        private boolean firstContentLineSeen;
        private final List<String> body = new ArrayList<>();
        private final EnumMap<Removal, Integer> removals = new EnumMap<>(Removal.class);

        LinePass(boolean firstLineIsTitle, String knownTitle, String knownUrl, String knownSource) {
            this.firstLineIsTitle = firstLineIsTitle;
            title = knownValue(knownTitle);
            titleGiven = title != null;
            foldedTitle = titleGiven ? TextNormalizer.foldToAsciiWords(title) : null;
            url = knownValue(knownUrl);
            if (url != null) {
                urlRank = -1;
            }
            source = knownValue(knownSource);
        }

        Outcome run(String normalized) {
            int lineNumber = 0;
            int start = 0;
            while (start < normalized.length()) {
                int end = normalized.indexOf('\n', start);
                if (end < 0) {
                    end = normalized.length();
                }
                String line = normalized.substring(start, end);
                start = end + 1;
                if (!line.isEmpty()) {
                    lineNumber++;
                    readLine(line, lineNumber);
                }
            }
            removeClosingLines();
            ParsedArticle article = new ParsedArticle(title == null ? "" : title, String.join("\n", body),
                    url, source, headerTimestamp, author);
            return new Outcome(article, removals);
        }

        private void readLine(String line, int lineNumber) {
            boolean isShort = line.length() <= RULES.maxShortLineChars();
            if (headerTimestamp == null && isShort && lineNumber <= RULES.headerSearchLines()
                    && matchesAny(HEADER_TIMESTAMP, line)) {
                headerTimestamp = line;
                count(Removal.HEADER_TIMESTAMP);
            } else if (line.length() <= RULES.maxUrlChars() && takeUrl(line)) {
                count(Removal.URL_LINE);
            } else if (isShort && takeSource(line)) {
                count(Removal.SOURCE_LINE);
            } else if (isShort && matchesAny(RESIDUE_LINE, line)) {
                count(Removal.RESIDUE_LINE);
            } else if (isShort && foldedTitle != null && isSlugOf(line, foldedTitle)) {
                count(Removal.SLUG_LINE);
            } else {
                // A caption's words stay: they name who and where is pictured. Its credit goes, and a line that
                // is only a credit, or opens with one ("Ảnh: NVCC", "Ảnh minh họa ..."), goes whole.
                int creditStart = photoCreditStart(line);
                String kept = creditStart > 0 ? withoutPhotoCredit(line, creditStart) : line;
                if (kept.isEmpty() || creditStart == 0 || (isShort && hasAtMostWords(line, RULES.maxCaptionWords())
                        && startsLikeCaption(line))) {
                    count(Removal.CAPTION_LINE);
                } else {
                    addContent(kept);
                }
            }
        }

        private void addContent(String line) {
            boolean first = !firstContentLineSeen;
            firstContentLineSeen = true;
            if (title == null && firstLineIsTitle) {
                title = line;
                foldedTitle = TextNormalizer.foldToAsciiWords(line);
            } else if (!(first && titleGiven && line.equalsIgnoreCase(title))) {
                body.add(line);
            }
        }

        /** Keeps the URL of the highest-ranked pattern: a labelled link beats a bare URL line. */
        private boolean takeUrl(String line) {
            for (int rank = 0; rank < URL_LINE.size(); rank++) {
                Matcher m = URL_LINE.get(rank).matcher(line);
                if (m.matches()) {
                    if (rank < urlRank) {
                        url = m.group("value");
                        urlRank = rank;
                    }
                    return true;
                }
            }
            return false;
        }

        private boolean takeSource(String line) {
            if (!hasAtMostWords(line, RULES.maxSourceWords())) {
                return false;
            }
            String value = captureValue(SOURCE_LINE, line);
            if (value == null) {
                return false;
            }
            if (source == null) {
                source = value;
            }
            return true;
        }

        /**
         * The closing "Theo X" credit, the reporter's initials and the byline, in any order, at the very end;
         * the byline or initials nearest the end become the author.
         */
        private void removeClosingLines() {
            splitGluedClosingCredit();
            while (!body.isEmpty()) {
                String last = body.get(body.size() - 1);
                if (last.length() > RULES.maxShortLineChars()) {
                    return;
                }
                String credit = hasAtMostWords(last, RULES.maxCreditWords())
                        ? captureValue(CLOSING_CREDIT_LINE, last) : null;
                String byline;
                if (matchesAny(AUTHOR_INITIALS_LINE, last)) {
                    count(Removal.AUTHOR_INITIALS_LINE);
                    takeAuthor(last);
                } else if (credit != null) {
                    // Before the byline: "Theo Reuters" is two capitalised words too.
                    if (source == null) {
                        source = credit;
                    }
                    count(Removal.CLOSING_CREDIT_LINE);
                } else if ((byline = byline(last)) != null) {
                    count(Removal.BYLINE_LINE);
                    takeAuthor(byline);
                } else {
                    return;
                }
                body.remove(body.size() - 1);
            }
        }

        /**
         * The names of a byline closing the body, or null. Not after a line ending in a colon or comma: that
         * line opens a list whose last item may be a capitalised name.
         */
        private String byline(String last) {
            if (body.size() < 2 || !hasAtMostWords(last, RULES.maxBylineWords())) {
                return null;
            }
            String before = body.get(body.size() - 2);
            char end = before.charAt(before.length() - 1);
            return ":,;".indexOf(end) < 0 ? captureValue(BYLINE_LINE, last) : null;
        }

        private void takeAuthor(String written) {
            if (author == null) {
                author = written.endsWith(".") ? written.substring(0, written.length() - 1) : written;
            }
        }

        /** "T.ThủyTheo PA" as two lines, when what follows the cut is a closing credit. */
        private void splitGluedClosingCredit() {
            if (body.isEmpty()) {
                return;
            }
            String last = body.get(body.size() - 1);
            if (last.length() > RULES.maxShortLineChars()) {
                return;
            }
            Matcher glued = GLUED_CLOSING_CREDIT.matcher(last);
            if (glued.find()) {
                String credit = last.substring(glued.start());
                if (hasAtMostWords(credit, RULES.maxCreditWords())
                        && captureValue(CLOSING_CREDIT_LINE, credit) != null) {
                    body.set(body.size() - 1, last.substring(0, glued.start()));
                    body.add(credit);
                }
            }
        }

        /** Cuts the photo credit closing a line, keeping its final period; empty when nothing else is left. */
        private String withoutPhotoCredit(String line, int creditStart) {
            int end = creditStart;
            while (end > 0 && " -–—|".indexOf(line.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end == 0) {
                return "";
            }
            count(Removal.PHOTO_CREDIT);
            String kept = line.substring(0, end);
            boolean lostFinalPeriod = line.endsWith(".") && ".!?…\"”".indexOf(kept.charAt(end - 1)) < 0;
            return lostFinalPeriod ? kept + "." : kept;
        }

        private void count(Removal kind) {
            removals.merge(kind, 1, Integer::sum);
        }
    }

    private static boolean startsLikeCaption(String line) {
        for (Pattern p : CAPTION_START) {
            if (p.matcher(line).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** Where a photo credit closing the line starts, or -1; only the line's tail is searched. */
    private static int photoCreditStart(String line) {
        int from = Math.max(0, line.length() - RULES.photoCreditSearchChars());
        if (RULES.photoCreditMarkers().stream().noneMatch(marker -> line.indexOf(marker, from) >= 0)) {
            return -1;
        }
        for (Pattern p : PHOTO_CREDIT_AT_END) {
            Matcher m = p.matcher(line).region(from, line.length())
                    .useTransparentBounds(true).useAnchoringBounds(false);
            if (m.find()) {
                return m.start();
            }
        }
        return -1;
    }

    /** The ASCII copy of the title some sites print in the body: {@code ong putin va tong thong my ...}. */
    private static boolean isSlugOf(String line, String foldedTitle) {
        boolean hasSeparator = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '-') {
                hasSeparator = true;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return hasSeparator && similarity(TextNormalizer.foldToAsciiWords(line), foldedTitle)
                >= RULES.slugMinSimilarity();
    }

    /** 1 - edit distance / longer length; 0 early when the lengths alone rule out the threshold. */
    private static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1;
        }
        int maxDistance = (int) Math.floor((1 - RULES.slugMinSimilarity()) * longer);
        if (Math.abs(a.length() - b.length()) > maxDistance) {
            return 0;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1 - (double) previous[b.length()] / longer;
    }

    private static boolean hasAtMostWords(String line, int maxWords) {
        int words = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ' ' && ++words > maxWords) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAny(List<Pattern> patterns, String line) {
        for (Pattern p : patterns) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The trimmed "value" group of the first pattern matching the whole line, or null. */
    private static String captureValue(List<Pattern> patterns, String line) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return m.group("value").strip();
            }
        }
        return null;
    }

    private static String knownValue(String value) {
        if (value == null) {
            return null;
        }
        // Values from a record are single-line; a stray line break becomes a space.
        String normalized = TextNormalizer.normalize(value).replace("\n\n", " ").replace('\n', ' ');
        return normalized.isEmpty() ? null : normalized;
    }

    private static List<Pattern> compile(List<String> regexes) {
        return regexes.stream().map(Pattern::compile).toList();
    }

    private static Rules loadRules() {
        try (InputStream in = ArticleParser.class.getClassLoader().getResourceAsStream(RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RULES_RESOURCE);
            }
            return new ObjectMapper().readerFor(Rules.class)
                    .with(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                            DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                    .readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RULES_RESOURCE, e);
        }
    }
}
