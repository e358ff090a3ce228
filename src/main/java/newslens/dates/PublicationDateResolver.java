package newslens.dates;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates an article from the best evidence it has, in this order: metadata, header line, URL, the dateline
 * of the lead paragraph ({@code Sáng 28-6, ...}), other dates in the text, the run's default date.
 * Immutable and thread-safe; {@code Serializable} for Spark executors.
 */
public final class PublicationDateResolver implements Serializable {

    public static final String SOURCE_METADATA = "metadata";
    public static final String SOURCE_HEADER = "header";
    public static final String SOURCE_URL = "url";
    public static final String SOURCE_DATELINE = "dateline";
    public static final String SOURCE_TEXT = "text";
    public static final String SOURCE_DEFAULT = "default";

    /** Confidence above which a date may be trusted without review: only explicit publication evidence. */
    public static final double SURE = 0.8;

    // Confidences estimate how often the date is exactly right; the text-based ones are measured on news-dev
    // with the URLs withheld (NewsDevDateAccuracyTest).
    /** The publisher's own record. */
    public static final double METADATA = 1.0;
    /** The timestamp printed under the title. */
    public static final double HEADER = 0.95;
    /** A date written into the URL by the publisher's CMS. */
    public static final double URL = 0.9;
    /**
     * The dateline names the day of the event, not of publication: the publisher's date is the dateline's day
     * for about 55% of news-dev datelines and the next day for 25%. Below {@link #SURE} even with its year.
     */
    public static final double DATELINE_EXPLICIT_YEAR = 0.55;
    /**
     * A dateline whose year comes from the other dates of the article: the year is right for under half of
     * news-dev datelines, whose articles seldom state their own year.
     */
    public static final double DATELINE_INFERRED_YEAR = 0.3;
    /** The run's --default-date: right for a crawl of one day, blind otherwise. */
    public static final double DEFAULT = 0.5;
    /** The first dated event of the text, past the lead: rarely the publication day. */
    public static final double TEXT = 0.1;

    /** How far into the body the dateline may appear. */
    static final int LEAD_CHARS = 300;
    /** How far back a sentence start is looked for. */
    private static final int MAX_SENTENCE_CHARS = 400;
    /** A future cue governs the next few words only: "đến năm 2030", "sẽ khởi công vào năm 2025". */
    private static final int FUTURE_CUE_WORDS = 4;

    private static final Pattern ISO_DATE = Pattern.compile("^\\s*(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?](?=\\s)|\\n");

    private final TemporalExpressionParser parser;
    private final PhraseTable<String> backReferenceCues;
    private final PhraseTable<String> planCues;
    private final PhraseTable<String> futureCues;

    public PublicationDateResolver() {
        this(new TemporalExpressionParser());
    }

    public PublicationDateResolver(TemporalExpressionParser parser) {
        this.parser = parser;
        this.backReferenceCues = PhraseTable.of(parser.lexicon().backReferenceCues());
        this.planCues = PhraseTable.of(parser.lexicon().planCues());
        List<String> future = new ArrayList<>(parser.lexicon().planCues());
        future.addAll(parser.lexicon().targetCues());
        this.futureCues = PhraseTable.of(future);
    }

    public DateResolution resolve(DateEvidence e) {
        Optional<LocalDate> metadata = isoDate(e.publishedAt());
        if (metadata.isPresent()) return new DateResolution(metadata.get(), SOURCE_METADATA, METADATA);
        Optional<LocalDate> header = HeaderTimestamp.dateOf(e.headerTimestamp()).filter(PublicationDateResolver::inRange);
        if (header.isPresent()) return new DateResolution(header.get(), SOURCE_HEADER, HEADER);
        Optional<LocalDate> url = UrlDate.find(e.url());
        if (url.isPresent()) return new DateResolution(url.get(), SOURCE_URL, URL);
        Optional<DateResolution> fromText = fromText(e.title(), e.text());
        if (fromText.isPresent()) return fromText.get();
        if (e.defaultDate() != null) return new DateResolution(e.defaultDate(), SOURCE_DEFAULT, DEFAULT);
        return DateResolution.UNKNOWN;
    }

    /**
     * The day a mention denotes, given the publication date: {@code hôm qua} is the day before it, {@code thứ Ba}
     * the latest Tuesday on or before it, {@code thứ Ba tới} the next one, {@code 28-6} the 28 June nearest to it.
     * Null for a mention that names no single day (a month, a year, a bare time) or without a publication date.
     */
    public static LocalDate resolveRelative(TemporalMention m, LocalDate publicationDate) {
        if (m.hasDayAndMonth()) {
            if (m.year() != null) return safeDate(m.year(), m.month(), m.day());
            return publicationDate == null ? null : nearest(m.month(), m.day(), weekdayOf(m), publicationDate);
        }
        if (publicationDate == null || m.relative() == null) return null;
        Integer offset = TemporalMention.RELATIVE_DAY_OFFSETS.get(m.relative());
        if (offset != null) return publicationDate.plusDays(offset);
        if (m.relative().startsWith(TemporalMention.NEXT_WEEKDAY_PREFIX)) {
            return publicationDate.with(TemporalAdjusters.next(weekdayOf(m)));
        }
        if (m.relative().startsWith(TemporalMention.WEEKDAY_PREFIX)) {
            return publicationDate.with(TemporalAdjusters.previousOrSame(weekdayOf(m)));
        }
        return null;
    }

    /** An article's text as the resolver reads it: title and text, where the lead starts, and the mentions. */
    record ArticleText(String body, int leadStart, List<TemporalMention> mentions) { }

    ArticleText read(String title, String text) {
        if (text == null || text.isEmpty()) return new ArticleText(title == null ? "" : title, 0, parse(title));
        if (title == null || title.isEmpty() || text.startsWith(title)) {
            return new ArticleText(text, title == null ? 0 : title.length(), parser.parse(text));
        }
        String body = title + "\n" + text;
        return new ArticleText(body, title.length() + 1, parser.parse(body));
    }

    private List<TemporalMention> parse(String s) {
        return s == null ? List.of() : parser.parse(s);
    }

    /**
     * The dateline: the first mention of a day in the first sentence of a paragraph of the title or the lead
     * ({@code Sáng 28-6, ...}, {@code Ngày 10/5, ...}, {@code AP ngày 20/4 đưa tin}) that neither looks back
     * ({@code Trước đó, ngày 17/3, ...}) nor announces a plan ({@code sẽ họp vào ngày 26/4}). Later sentences tell the background, not the news. The title counts
     * because it tells the same news, and because extracted "titles" are often the lead itself.
     */
    Optional<TemporalMention> dateline(ArticleText a) {
        for (TemporalMention m : a.mentions()) {
            if (!m.hasDayAndMonth()) continue;
            if (m.start() >= a.leadStart() + LEAD_CHARS) break;
            if (inFirstSentence(a.body(), m) && !cuedBefore(a.body(), m, backReferenceCues, Integer.MAX_VALUE)
                    && !cuedBefore(a.body(), m, planCues, Integer.MAX_VALUE)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The mention lies in the first sentence of its paragraph. */
    private static boolean inFirstSentence(String text, TemporalMention m) {
        int paragraphStart = text.lastIndexOf('\n', m.start()) + 1;
        return !SENTENCE_BREAK.matcher(text).region(paragraphStart, m.start()).find();
    }

    YearContext years(ArticleText a) {
        return YearContext.of(a.mentions(), m -> cuedBefore(a.body(), m, futureCues, FUTURE_CUE_WORDS));
    }

    private Optional<DateResolution> fromText(String title, String text) {
        ArticleText article = read(title, text);
        YearContext years = years(article);
        Optional<TemporalMention> dateline = dateline(article);
        Optional<LocalDate> published = dateline.flatMap(m -> publicationDay(m, years));
        if (published.isPresent()) {
            double confidence = dateline.get().year() != null ? DATELINE_EXPLICIT_YEAR : DATELINE_INFERRED_YEAR;
            return Optional.of(new DateResolution(published.get(), SOURCE_DATELINE, confidence));
        }
        // Past the lead, the first dated event is still the likeliest news: on news-dev it is as often right
        // as the latest or the most frequent date, and it is not fooled by announced plans.
        for (TemporalMention m : article.mentions()) {
            if (!m.hasDayAndMonth() || cuedBefore(article.body(), m, futureCues, FUTURE_CUE_WORDS)) continue;
            Optional<LocalDate> d = eventDay(m, years).filter(PublicationDateResolver::inRange);
            if (d.isPresent()) return Optional.of(new DateResolution(d.get(), SOURCE_TEXT, TEXT));
        }
        return Optional.empty();
    }

    /** The dateline's day is the publication day; "hôm qua 31-5" moves it one day on. */
    static Optional<LocalDate> publicationDay(TemporalMention dateline, YearContext years) {
        Integer offset = dateline.relative() == null ? null
                : TemporalMention.RELATIVE_DAY_OFFSETS.get(dateline.relative());
        return eventDay(dateline, years).map(d -> offset == null ? d : d.minusDays(offset))
                .filter(PublicationDateResolver::inRange);
    }

    private static Optional<LocalDate> eventDay(TemporalMention m, YearContext years) {
        Integer year = m.year() != null ? m.year() : years.yearFor(m.month(), m.day(), weekdayOf(m));
        return year == null ? Optional.empty() : Optional.ofNullable(safeDate(year, m.month(), m.day()));
    }

    /** A cue phrase among the last {@code maxWords} tokens of the mention's sentence before it. */
    private boolean cuedBefore(String text, TemporalMention m, PhraseTable<String> cues, int maxWords) {
        int sentenceStart = Math.max(0, m.start() - MAX_SENTENCE_CHARS);
        Matcher end = SENTENCE_BREAK.matcher(text).region(sentenceStart, m.start());
        while (end.find()) sentenceStart = end.end();
        List<DateToken> words = parser.tokenize(text.substring(sentenceStart, m.start()));
        for (int k = Math.max(0, words.size() - maxWords); k < words.size(); k++) {
            if (cues.contains(words, k)) return true;
        }
        return false;
    }

    private static DayOfWeek weekdayOf(TemporalMention m) {
        String r = m.relative();
        if (r == null) return null;
        if (r.startsWith(TemporalMention.NEXT_WEEKDAY_PREFIX)) {
            return DayOfWeek.valueOf(r.substring(TemporalMention.NEXT_WEEKDAY_PREFIX.length()));
        }
        if (r.startsWith(TemporalMention.WEEKDAY_PREFIX)) {
            return DayOfWeek.valueOf(r.substring(TemporalMention.WEEKDAY_PREFIX.length()));
        }
        return null;
    }

    /** The {@code day/month} nearest to {@code around} (matching the weekday when one is given). */
    private static LocalDate nearest(int month, int day, DayOfWeek weekday, LocalDate around) {
        LocalDate best = null;
        for (int year = around.getYear() - 1; year <= around.getYear() + 1; year++) {
            LocalDate d = safeDate(year, month, day);
            if (d == null || (weekday != null && d.getDayOfWeek() != weekday)) continue;
            if (best == null || Math.abs(d.toEpochDay() - around.toEpochDay())
                    < Math.abs(best.toEpochDay() - around.toEpochDay())) {
                best = d;
            }
        }
        return best != null || weekday == null ? best : nearest(month, day, null, around);
    }

    private static Optional<LocalDate> isoDate(String s) {
        if (s == null) return Optional.empty();
        Matcher m = ISO_DATE.matcher(s);
        if (!m.find()) return Optional.empty();
        LocalDate d = safeDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return Optional.ofNullable(d).filter(PublicationDateResolver::inRange);
    }

    private static LocalDate safeDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private static boolean inRange(LocalDate d) {
        return d.getYear() >= UrlDate.MIN_YEAR && d.getYear() <= UrlDate.MAX_YEAR;
    }
}
