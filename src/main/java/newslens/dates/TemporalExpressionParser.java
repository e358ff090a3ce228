package newslens.dates;

import newslens.dates.DateToken.Kind;
import newslens.text.Tokenizer;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds Vietnamese temporal expressions: dates ({@code 24/10/2018}, {@code ngày 10/5}, {@code Sáng 28-6},
 * {@code ngày 5 tháng 3 năm 2019}), months ({@code tháng 1/2017}), years ({@code năm 2017}), quarters
 * ({@code quý IV/2020}), times ({@code 09:11}, {@code 9h30}, {@code 9g30}), relative days ({@code hôm qua},
 * {@code sáng nay (1/5)}) and weekdays ({@code thứ Ba}, {@code Chủ nhật}).
 *
 * <p>A bare {@code d/M} is taken for a date only in a date context, because the same digits are also
 * scores, fractions, codes and ranges. Immutable and thread-safe; one instance can serve a whole executor.
 * Runs in one left-to-right pass over the tokens with a bounded look-around at each.
 */
public final class TemporalExpressionParser implements Serializable {

    private static final int MIN_YEAR = 1000;
    private static final int MAX_YEAR = 2999;
    private static final int CUE_WINDOW_WORDS = 3;
    private static final Map<String, Integer> ROMAN_QUARTERS = Map.of("i", 1, "ii", 2, "iii", 3, "iv", 4);

    private final DateLexicon lexicon;
    private final Tokenizer tokenizer = Tokenizer.standard();
    private final PhraseTable<String> dayWords;
    private final PhraseTable<String> hourWords;
    private final PhraseTable<String> minuteWords;
    private final PhraseTable<String> partsOfDay;
    private final PhraseTable<String> relativeDays;
    private final PhraseTable<String> relativeDaysAfterPartOfDay;
    private final PhraseTable<DayOfWeek> sundayNames;
    private final PhraseTable<String> nextWeekFollowers;
    private final PhraseTable<String> weakDateContext;
    private final PhraseTable<String> dateConjunctions;
    private final PhraseTable<String> dashedDateFollowers;
    private final PhraseTable<String> timeIntroducers;
    private final PhraseTable<String> numberCues;
    private final PhraseTable<String> quantityFollowers;
    private final PhraseTable<String> gluableWords;

    public TemporalExpressionParser() {
        this(DateLexicon.standard());
    }

    public TemporalExpressionParser(DateLexicon lexicon) {
        this.lexicon = lexicon;
        dayWords = PhraseTable.of(lexicon.dayWords());
        hourWords = PhraseTable.of(lexicon.hourWords());
        minuteWords = PhraseTable.of(lexicon.minuteWords());
        partsOfDay = new PhraseTable<>(lexicon.partsOfDay());
        relativeDays = new PhraseTable<>(lexicon.relativeDays());
        relativeDaysAfterPartOfDay = new PhraseTable<>(lexicon.relativeDaysAfterPartOfDay());
        Map<String, DayOfWeek> sundays = new HashMap<>();
        lexicon.sundayNames().forEach(name -> sundays.put(name, DayOfWeek.SUNDAY));
        sundayNames = new PhraseTable<>(sundays);
        nextWeekFollowers = PhraseTable.of(lexicon.nextWeekFollowers());
        weakDateContext = PhraseTable.of(lexicon.weakDateContext());
        dateConjunctions = PhraseTable.of(lexicon.dateConjunctions());
        dashedDateFollowers = PhraseTable.of(lexicon.dashedDateFollowers());
        timeIntroducers = PhraseTable.of(lexicon.timeIntroducers());
        numberCues = PhraseTable.of(lexicon.numberCues());
        quantityFollowers = PhraseTable.of(lexicon.quantityFollowers());
        // Words a date may be glued to by a missing space ("Sáng23/4", "ngày20/4") without being a code.
        List<String> gluable = new ArrayList<>(lexicon.dayWords());
        gluable.addAll(lexicon.partsOfDay().keySet());
        gluable.addAll(lexicon.weakDateContext());
        gluableWords = PhraseTable.of(gluable);
    }

    public DateLexicon lexicon() {
        return lexicon;
    }

    List<DateToken> tokenize(String text) {
        return DateToken.of(text, tokenizer.tokenize(text));
    }

    /** All temporal expressions of {@code text}, in text order, not overlapping. */
    public List<TemporalMention> parse(String text) {
        if (text == null || text.isEmpty()) return List.of();
        Scan scan = new Scan(text, tokenize(text));
        List<TemporalMention> mentions = new ArrayList<>();
        int i = 0;
        while (i < scan.tokens.size()) {
            Parsed p = scan.parseAt(i);
            if (p == null) {
                i++;
            } else {
                mentions.add(p.mention());
                i = p.next();
                if (p.mention().hasDayAndMonth()) scan.lastDateEnd = i;
            }
        }
        return mentions;
    }

    private record Parsed(TemporalMention mention, int next) { }

    private record TimePart(int hour, Integer minute, boolean standalone, int next) { }

    private record DatePart(int day, int month, Integer year, int next) { }

    private record WeekdayPart(DayOfWeek day, boolean namedWithCapital, boolean nextWeek, int next) { }

    /** The state of one call to {@link #parse}. */
    private final class Scan {
        final String text;
        final List<DateToken> tokens;
        /** The token after the last date found, so that "30/4 và 1/5" carries the context over. */
        int lastDateEnd = -1;

        Scan(String text, List<DateToken> tokens) {
            this.text = text;
            this.tokens = tokens;
        }

        Parsed parseAt(int i) {
            Parsed composite = parseComposite(i);
            if (composite != null) return composite;
            DateToken t = tokens.get(i);
            if (!t.isWord()) return null;
            if (t.key().equals(lexicon.monthWord())) return parseMonth(i);
            if (t.key().equals(lexicon.yearWord())) return parseYear(i);
            if (t.key().equals(lexicon.quarterWord())) return parseQuarter(i);
            return null;
        }

        /** [time] [part of day] [relative day | weekday] [,] [date]: every part optional, in this order. */
        private Parsed parseComposite(int i) {
            int j = i;
            TimePart time = parseTime(j);
            if (time != null) j = time.next();
            PhraseTable.Match<String> pod = partsOfDay.match(tokens, j);
            if (pod != null) j += pod.length();
            PhraseTable.Match<String> relative =
                    (pod != null ? relativeDaysAfterPartOfDay : relativeDays).match(tokens, j);
            if (relative != null) j += relative.length();
            WeekdayPart weekday = relative == null ? parseWeekday(j) : null;
            if (weekday != null) j = weekday.next();

            boolean strongContext = time != null || pod != null || relative != null || weekday != null;
            int dateStart = strongContext && isPunct(j, ',') ? j + 1 : j;
            DatePart date = parseDatePart(dateStart, strongContext, i);

            int end;
            if (date != null) {
                end = date.next();
            } else if (relative != null) {
                end = j;
            } else if (weekday != null && (weekday.namedWithCapital() || weekday.nextWeek()
                    || pod != null || time != null || precededBy(i, weakDateContext) || precededBy(i, dayWords))) {
                end = j;
            } else if (time != null && (time.standalone() || pod != null || precededBy(i, timeIntroducers))) {
                end = pod != null ? time.next() + pod.length() : time.next();
            } else {
                return null;
            }

            String relativeName = relative != null ? relative.value()
                    : weekday == null ? null
                    : (weekday.nextWeek() ? TemporalMention.NEXT_WEEKDAY_PREFIX : TemporalMention.WEEKDAY_PREFIX)
                    + weekday.day();
            Integer hour = time != null ? time.hour() : null;
            Integer minute = time != null ? time.minute() : null;
            String granularity = hour != null ? TemporalMention.TIME
                    : date != null ? TemporalMention.DAY : TemporalMention.RELATIVE;
            return new Parsed(mention(i, end, date != null ? date.year() : null, date != null ? date.month() : null,
                    date != null ? date.day() : null, hour, minute, granularity,
                    pod != null ? pod.value() : null, relativeName), end);
        }

        /** {@code 09:11}, {@code 9h30}, {@code 9g30}, {@code 8h}, {@code 17 giờ}, {@code 15 giờ 30 phút}. */
        private TimePart parseTime(int j) {
            if (j >= tokens.size()) return null;
            DateToken t = tokens.get(j);
            if (t.kind() == Kind.CLOCK) {
                String s = t.key();
                int letter = Character.isDigit(s.charAt(1)) ? 2 : 1;
                int hour = Integer.parseInt(s.substring(0, letter));
                boolean hasMinutes = s.length() > letter + 1;
                Integer minute = hasMinutes ? Integer.valueOf(s.substring(letter + 1)) : null;
                boolean gStyle = Character.toLowerCase(s.charAt(letter)) == 'g';
                // "4G" and "5G" are networks, not hours; "24h" is a duration.
                if (hour > 23 || (minute != null && minute > 59) || (gStyle && minute == null)) return null;
                return new TimePart(hour, minute, hasMinutes, j + 1);
            }
            if (t.kind() == Kind.NUMBER) {
                NumberShape shape = NumberShape.of(t.text());
                if (shape.kind() == NumberShape.Kind.CLOCK) {
                    boolean ratio = numberCueBefore(j) || isCodeOrUrl(j);
                    return ratio ? null : new TimePart(shape.hour(), shape.minute(), true, j + 1);
                }
                int hour = t.intValue();
                PhraseTable.Match<String> hourWord = hourWords.match(tokens, j + 1);
                if (hour < 0 || hour > 23 || hourWord == null) return null;
                int next = j + 1 + hourWord.length();
                Integer minute = null;
                int minuteValue = next < tokens.size() ? tokens.get(next).intValue() : -1;
                if (minuteValue >= 0 && minuteValue <= 59) {
                    minute = minuteValue;
                    next++;
                    PhraseTable.Match<String> minuteWord = minuteWords.match(tokens, next);
                    if (minuteWord != null) next += minuteWord.length();
                }
                // "2 giờ 30 phút" is as often a duration as a time of day: the caller asks for more context.
                return new TimePart(hour, minute, false, next);
            }
            return null;
        }

        /** {@code thứ Hai}, {@code thứ 2}, {@code Chủ nhật}, optionally followed by {@code tới}. */
        private WeekdayPart parseWeekday(int j) {
            DayOfWeek day;
            boolean capital;
            int next;
            PhraseTable.Match<DayOfWeek> sunday = sundayNames.match(tokens, j);
            if (sunday != null) {
                day = sunday.value();
                capital = true; // "chủ nhật" has no other reading
                next = j + sunday.length();
            } else {
                if (!isWord(j, lexicon.weekdayWord()) || j + 1 >= tokens.size()) return null;
                DateToken name = tokens.get(j + 1);
                day = lexicon.weekdayNames().get(name.key());
                if (day == null) return null;
                // "thứ Hai" is Monday; "thứ hai" and "thứ 2" are also ordinals ("lần thứ hai").
                capital = name.isWord() && name.isCapitalized();
                next = j + 2;
            }
            PhraseTable.Match<String> follower = nextWeekFollowers.match(tokens, next);
            if (follower != null) next += follower.length();
            return new WeekdayPart(day, capital, follower != null, next);
        }

        /**
         * [(] [ngày|hôm] (d/M/yyyy | d-M-yyyy | d/M | d-M | d tháng M [năm yyyy]) [năm yyyy] [)].
         * A date without its year needs context: an introducing word, a strong context from the composite,
         * or a weak one (from, to, before, ...) not spoiled by a score or quantity.
         */
        private DatePart parseDatePart(int j, boolean strongContext, int compositeStart) {
            int k = j;
            boolean paren = isPunct(k, '(');
            if (paren) k++;
            boolean introduced = false;
            PhraseTable.Match<String> intro;
            while ((intro = dayWords.match(tokens, k)) != null) {
                introduced = true;
                k += intro.length();
            }
            if (k >= tokens.size() || tokens.get(k).kind() != Kind.NUMBER || isCodeOrUrl(k)) return null;
            int numberAt = k;
            NumberShape shape = NumberShape.of(tokens.get(k).text());
            int day;
            int month;
            Integer year = null;
            if (shape.kind() == NumberShape.Kind.FULL_DATE) {
                if (shape.year() < MIN_YEAR || shape.year() > MAX_YEAR) return null;
                day = shape.day();
                month = shape.month();
                year = shape.year();
                k++;
            } else if (shape.kind() == NumberShape.Kind.DAY_MONTH) {
                day = shape.day();
                month = shape.month();
                k++;
                year = yearAfter(k);
                if (year != null) {
                    if (!NumberShape.validDay(day, month, year)) return null;
                    k += 2;
                }
            } else {
                DatePart verbal = parseVerbalDate(k, introduced);
                if (verbal == null) return null;
                day = verbal.day();
                month = verbal.month();
                year = verbal.year();
                k = verbal.next();
            }
            if (paren && isPunct(k, ')')) k++;
            boolean dashed = tokens.get(numberAt).text().indexOf('-') >= 0;
            if (year == null && !introduced && !strongContext && !afterDateAndConjunction(compositeStart)
                    && !inWeakDateContext(compositeStart, k, dashed)) {
                return null;
            }
            return new DatePart(day, month, year, k);
        }

        /** {@code 5 tháng 3}, {@code 5 tháng 3 năm 2019}, {@code 5 tháng 3, 2019}. */
        private DatePart parseVerbalDate(int k, boolean introduced) {
            int day = tokens.get(k).intValue();
            if (!isWord(k + 1, lexicon.monthWord()) || k + 2 >= tokens.size()) return null;
            int month = tokens.get(k + 2).intValue();
            if (!NumberShape.validDay(day, month, 0)) return null;
            int next = k + 3;
            Integer year = yearAfter(next);
            if (year == null && isPunct(next, ',') && next + 1 < tokens.size()
                    && tokens.get(next + 1).isFourDigitNumber()) {
                year = tokens.get(next + 1).intValue();
            }
            if (year != null) next += 2;
            // "5 tháng 3" alone also reads "5 months 3 ...": only the introducing "ngày" or a year settles it.
            if (!introduced && year == null) return null;
            if (year != null && !NumberShape.validDay(day, month, year)) return null;
            return new DatePart(day, month, year, next);
        }

        /** "năm yyyy" at {@code k}, or null. */
        private Integer yearAfter(int k) {
            if (!isWord(k, lexicon.yearWord()) || k + 1 >= tokens.size()) return null;
            DateToken y = tokens.get(k + 1);
            return y.isFourDigitNumber() && validYear(y.intValue()) ? y.intValue() : null;
        }

        private boolean afterDateAndConjunction(int compositeStart) {
            PhraseTable.Match<String> conjunction = dateConjunctions.matchEndingAt(tokens, compositeStart - 1);
            return conjunction != null && compositeStart - conjunction.length() == lastDateEnd;
        }

        private boolean inWeakDateContext(int compositeStart, int afterDate, boolean dashed) {
            if (!precededBy(compositeStart, weakDateContext)) return false;
            // "dẫn trước 2-1", "chiếm tới 3/4": a score or quantity cue before the context word wins.
            int from = Math.max(0, compositeStart - CUE_WINDOW_WORDS - 1);
            for (int k = compositeStart - 1; k >= from && !endsSentence(k); k--) {
                if (numberCues.matchEndingAt(tokens, k) != null) return false;
            }
            // "đến 2/3 số người", "từ 3-5 ngày": a fraction or a range of something. Dashed ranges count
            // anything ("từ 8-12 quả"), so a dashed date must be followed by punctuation or a date's word.
            if (quantityFollowers.contains(tokens, afterDate)) return false;
            return !dashed || afterDate >= tokens.size() || !tokens.get(afterDate).isWord()
                    || dashedDateFollowers.contains(tokens, afterDate);
        }

        /** {@code tháng 1/2017}, {@code tháng 1-2017}, {@code tháng 1 năm 2017}. */
        private Parsed parseMonth(int i) {
            if (i + 1 >= tokens.size() || tokens.get(i + 1).kind() != Kind.NUMBER || isCodeOrUrl(i + 1)) return null;
            NumberShape shape = NumberShape.of(tokens.get(i + 1).text());
            if (shape.kind() == NumberShape.Kind.MONTH_YEAR && validYear(shape.year())) {
                return month(i, i + 2, shape.year(), shape.month(), TemporalMention.MONTH);
            }
            int month = tokens.get(i + 1).intValue();
            Integer year = yearAfter(i + 2);
            if (NumberShape.validMonth(month) && year != null) {
                return month(i, i + 4, year, month, TemporalMention.MONTH);
            }
            return null;
        }

        /** {@code năm 2017}. */
        private Parsed parseYear(int i) {
            Integer year = yearAfter(i);
            if (year == null || isCodeOrUrl(i + 1)) return null;
            return new Parsed(mention(i, i + 2, year, null, null, null, null, TemporalMention.YEAR, null, null), i + 2);
        }

        /** {@code quý 1}, {@code quý I}, {@code quý 1/2021}, {@code quý IV-2020}, {@code quý 2 năm 2019}. */
        private Parsed parseQuarter(int i) {
            int k = i + 1;
            if (k >= tokens.size()) return null;
            DateToken t = tokens.get(k);
            int quarter;
            Integer year = null;
            if (t.kind() == Kind.NUMBER) {
                NumberShape shape = NumberShape.of(t.text());
                if (shape.kind() == NumberShape.Kind.MONTH_YEAR && validYear(shape.year())) {
                    quarter = shape.month();
                    year = shape.year();
                } else {
                    quarter = t.intValue();
                }
                k++;
            } else if (t.isWord() && t.text().equals(t.text().toUpperCase()) && ROMAN_QUARTERS.containsKey(t.key())) {
                quarter = ROMAN_QUARTERS.get(t.key());
                k++;
                boolean glued = k + 1 < tokens.size() && (isPunct(k, '/') || isPunct(k, '-'))
                        && tokens.get(k).start() == t.end() && tokens.get(k + 1).start() == tokens.get(k).end()
                        && tokens.get(k + 1).isFourDigitNumber() && validYear(tokens.get(k + 1).intValue());
                if (glued) {
                    year = tokens.get(k + 1).intValue();
                    k += 2;
                }
            } else {
                return null;
            }
            if (quarter < 1 || quarter > 4) return null;
            if (year == null) {
                year = yearAfter(k);
                if (year != null) k += 2;
            }
            return month(i, k, year, (quarter - 1) * 3 + 1, TemporalMention.QUARTER);
        }

        private Parsed month(int i, int next, Integer year, int month, String granularity) {
            return new Parsed(mention(i, next, year, month, null, null, null, granularity, null, null), next);
        }

        private TemporalMention mention(int first, int next, Integer year, Integer month, Integer day, Integer hour,
                                        Integer minute, String granularity, String partOfDay, String relative) {
            int start = tokens.get(first).start();
            int end = tokens.get(next - 1).end();
            return new TemporalMention(start, end, text.substring(start, end), year, month, day, hour, minute,
                    granularity, partOfDay, relative);
        }

        /**
         * A number glued to a letter or code ({@code QĐ-10/5}, {@code 10/5A}, {@code 2230/BGTVT}) or inside a
         * URL is part of an identifier, not a date or time.
         */
        private boolean isCodeOrUrl(int k) {
            DateToken t = tokens.get(k);
            if (k > 0 && tokens.get(k - 1).end() == t.start()) {
                DateToken prev = tokens.get(k - 1);
                if (prev.isWord() && gluableWords.matchEndingAt(tokens, k - 1) == null) return true;
                if (isJoiner(prev) && k > 1 && tokens.get(k - 2).end() == prev.start()
                        && tokens.get(k - 2).kind() != Kind.PUNCT) return true;
            }
            if (k + 1 < tokens.size() && tokens.get(k + 1).start() == t.end()) {
                DateToken next = tokens.get(k + 1);
                if (next.isWord() || next.isPunct('%')) return true;
                if (isJoiner(next) && k + 2 < tokens.size() && tokens.get(k + 2).start() == next.end()
                        && tokens.get(k + 2).kind() != Kind.PUNCT) return true;
            }
            return insideUrl(t);
        }

        private boolean isJoiner(DateToken t) {
            return t.isPunct('-') || t.isPunct('/') || t.isPunct('_') || t.isPunct('.') || t.isPunct('#');
        }

        private boolean insideUrl(DateToken t) {
            int from = t.start();
            while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) from--;
            int to = t.end();
            while (to < text.length() && !Character.isWhitespace(text.charAt(to))) to++;
            String chunk = text.substring(from, to);
            return chunk.contains("://") || chunk.startsWith("www.");
        }

        private boolean numberCueBefore(int k) {
            return numberCues.matchEndingAt(tokens, k - 1) != null;
        }

        /** The words just before token {@code i} (skipping an opening parenthesis) form a phrase of the table. */
        private boolean precededBy(int i, PhraseTable<String> table) {
            int k = isPunct(i - 1, '(') ? i - 2 : i - 1;
            return k >= 0 && table.matchEndingAt(tokens, k) != null;
        }

        /** Token {@code k} closes a sentence or a line, so cues before it do not reach past it. */
        private boolean endsSentence(int k) {
            DateToken t = tokens.get(k);
            if (t.isPunct('.') || t.isPunct('!') || t.isPunct('?') || t.isPunct(';')) return true;
            int gapEnd = k + 1 < tokens.size() ? tokens.get(k + 1).start() : text.length();
            return text.substring(t.end(), gapEnd).indexOf('\n') >= 0;
        }

        private boolean isWord(int k, String key) {
            return k >= 0 && k < tokens.size() && tokens.get(k).isWord() && tokens.get(k).key().equals(key);
        }

        private boolean isPunct(int k, char c) {
            return k >= 0 && k < tokens.size() && tokens.get(k).isPunct(c);
        }
    }

    private static boolean validYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
