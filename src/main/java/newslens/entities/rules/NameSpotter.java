package newslens.entities.rules;

import newslens.entities.Article;
import newslens.entities.EntityIds;
import newslens.entities.EntityType;
import newslens.entities.kb.KbEntity;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.Mention;
import newslens.text.TokenTrie;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import newslens.entities.rules.Candidate.Support;
import newslens.text.Token;

/**
 * First pass over an article: proposes non-overlapping name spans left to right, each from the best of
 * <ul>
 *   <li>a knowledge-base alias (longest match);</li>
 *   <li>an organisation head ({@code Bộ}, {@code Công ty}, {@code UBND}) followed by a capitalised name
 *       that may continue in lower case ({@code Bộ Giáo dục và Đào tạo}) and end with a place
 *       ({@code UBND tỉnh Quảng Nam}); a local body's head needs the place ({@code Sở Y tế} alone is no
 *       name), and a lower-case descriptor stays outside ({@code tạp chí Forbes});</li>
 *   <li>a unit word ({@code tỉnh}, {@code huyện}, {@code sông}) followed by a name: LOC, unit included;</li>
 *   <li>{@code người}/{@code tiếng} followed by a place name: MISC ({@code người Việt}, {@code tiếng Anh});</li>
 *   <li>a run of capitalised syllables, typed by the title before it ({@code ông}, {@code HLV}), a
 *       Vietnamese surname at its head, a foreign organisation word ({@code FC}, {@code News}) or given name
 *       ({@code Mark}), a location cue ({@code tại}), or its shape: an acronym or a word with inner capitals
 *       is ORG, a run of Vietnamese given-name syllables is PER ({@code Minh Chiến}); any other run has only
 *       its capitals ({@link Candidate.Support#CAPITALS}) and survives only with support from the article.</li>
 * </ul>
 * The longest proposal wins; on a tie the order above decides.
 */
final class NameSpotter implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}\\d&.+-]{2,}");
    private static final Pattern CAMEL_CASE = Pattern.compile("\\p{Ll}\\p{Lu}|^\\p{Lu}{2,}\\p{Ll}{2,}");
    private static final int MAX_PERSON_SYLLABLES = 4;
    private static final int MAX_LOWER_CASE_IN_NAME = 1;
    private static final int MAX_LOWER_CASE_BEFORE_PLACE = 5;

    private final KnowledgeBase kb;
    private final KnowledgeBase.Lexicons lex;

    NameSpotter(KnowledgeBase kb) {
        this.kb = kb;
        this.lex = kb.lexicons();
    }

    List<Candidate> spot(Article article) {
        List<Candidate> result = new ArrayList<>();
        int i = 0;
        while (i < article.size()) {
            Candidate best = bestAt(article, i);
            if (best == null) {
                i++;
            } else {
                result.add(best);
                i = best.last();
            }
        }
        return result;
    }

    private Candidate bestAt(Article a, int i) {
        Token token = a.token(i);
        if (!token.isWordLike()) {
            return null;
        }
        Candidate known = knowledgeBaseAt(a, i);
        Candidate organisation = organisationAt(a, i);
        if (known != null && organisation != null && known.type() == EntityType.ORG
                && allLowerCase(a, known.last(), organisation.last())) {
            organisation = null;
        }
        Candidate best = null;
        for (Candidate option : new Candidate[] {known, organisation, unitLocationAt(a, i), groupAt(a, i),
                capitalisedRunAt(a, i)}) {
            if (option != null && (best == null || option.length() > best.length())) {
                best = option;
            }
        }
        return best;
    }

    /** {@code Bộ Công Thương kiểm}: a known organisation followed only by lower-case words stays as known. */
    private static boolean allLowerCase(Article a, int from, int to) {
        for (int k = from; k < to; k++) {
            if (a.isCapitalisedWord(k)) {
                return false;
            }
        }
        return true;
    }

    /** A knowledge-base alias at {@code i}, unless it is ambiguous and its context says it is a common word. */
    Candidate knowledgeBaseAt(Article a, int i) {
        TokenTrie.Match<KnowledgeBase.AliasEntry> match = kb.aliasAt(a.tokens(), i);
        if (match == null || a.sentenceOf()[match.end() - 1] != a.sentenceOf()[i]) {
            return null;
        }
        boolean afterTitle = lex.personTitles().longestEndingAt(a, i) > 0;
        KnowledgeBase.AliasEntry entry = choose(match.values(), afterTitle ? EntityType.PER : null);
        boolean single = match.end() - i == 1;
        if (single && a.sentenceInitial()[i] && lex.commonWords().containsIgnoringCase(a.token(i).text())) {
            return null;
        }
        if (entry.ambiguous() && (gluedToUnknownName(a, i, match.end())
                || (a.sentenceInitial()[i] && a.isCapitalisedWord(i + 1) && a.adjacent(i)))) {
            return null;
        }
        KbEntity entity = kb.entity(entry.entityId()).orElseThrow();
        double confidence = entry.ambiguous() ? 0.8 : 0.95;
        return new Candidate(i, i, match.end(), entity.type(), Mention.KB, confidence, entity.id(), entity.name(),
                Support.STRONG);
    }

    /** The entry of the preferred type when an alias names several entities, else the first listed. */
    private KnowledgeBase.AliasEntry choose(List<KnowledgeBase.AliasEntry> entries, EntityType preferred) {
        for (KnowledgeBase.AliasEntry entry : entries) {
            if (kb.entity(entry.entityId()).map(e -> e.type() == preferred).orElse(false)) {
                return entry;
            }
        }
        return entries.get(0);
    }

    /**
     * {@code Mỹ} in {@code Mỹ Tâm} or {@code Nga} in {@code Thị Nga}: part of a longer, unknown name. A full
     * name after it is a name of its own ({@code Tổng thống Mỹ George Bush}).
     */
    private boolean gluedToUnknownName(Article a, int first, int last) {
        boolean before = a.isCapitalisedWord(first - 1) && a.adjacent(first - 1) && !a.sentenceInitial()[first - 1]
                && !isContextWord(a, first - 1);
        boolean after = a.isCapitalisedWord(last) && a.adjacent(last - 1) && kb.aliasAt(a.tokens(), last) == null
                && !isContextWord(a, last) && !(a.isCapitalisedWord(last + 1) && a.adjacent(last));
        return before || after;
    }

    private boolean isContextWord(Article a, int i) {
        return lex.personTitles().longestStartingAt(a, i) > 0
                || lex.personTitles().longestEndingAt(a, i + 1) > 0
                || lex.orgHeads().longestEndingAt(a, i + 1) > 0
                || lex.locationUnits().longestEndingAt(a, i + 1) > 0
                || lex.commonWords().containsIgnoringCase(a.token(i).text());
    }

    /** Organisation head + capitalised name (+ place), or an age-group team ({@code U16 Việt Nam}). */
    private Candidate organisationAt(Article a, int i) {
        int head = lex.orgHeads().longestStartingAt(a, i);
        boolean ageTeam = head == 0 && isAgeGroupTeam(a.token(i).text());
        if (ageTeam) {
            TokenTrie.Match<KnowledgeBase.AliasEntry> team = kb.aliasAt(a.tokens(), i + 1);
            if (team == null || !a.adjacent(i)) {
                return null;
            }
            String surface = a.surface(i, team.end());
            return new Candidate(i, i, team.end(), EntityType.ORG, Mention.PATTERN, 0.85,
                    EntityIds.fromName(EntityType.ORG, surface), surface, Support.STRONG);
        }
        if (head == 0 || !a.adjacent(i + head - 1) || surnameBeforeGivenNames(a, i)
                || secondSyllableOfCommonWord(a, i)) {
            return null;
        }
        int nameStart = i + head;
        if (isSchoolWord(a.token(i).text()) && lex.schoolLevels().longestStartingAt(a, nameStart) == 0) {
            return null;
        }
        int end = nameStart;
        int unit = lex.locationUnits().longestStartingAt(a, nameStart);
        if (unit > 0) {
            end = placeEnd(a, nameStart + unit - 1);
        } else if (a.isCapitalisedWord(nameStart)) {
            end = organisationNameEnd(a, nameStart, lex.personTitles().longestEndingAt(a, i) > 0);
        } else if (lex.personTitles().longestStartingAt(a, i) == 0) {
            end = lowerCaseNameEndingInPlace(a, nameStart);
        }
        if (end <= nameStart) {
            return null;
        }
        if (lex.localHeads().longestStartingAt(a, i) > 0 && !endsWithPlace(a, nameStart, end)) {
            return null;
        }
        int first = i;
        if (lex.orgDescriptors().longestStartingAt(a, i) == head) {
            if (placeAfter(a, nameStart) > nameStart) {
                return null;
            }
            first = nameStart;
        }
        String surface = a.surface(first, end);
        return new Candidate(first, first, end, EntityType.ORG, Mention.PATTERN, 0.85,
                EntityIds.fromName(EntityType.ORG, surface), surface, Support.STRONG);
    }

    /** Whether tokens {@code [from, end)} end with a place: a known one, or a unit word and a name. */
    private boolean endsWithPlace(Article a, int from, int end) {
        for (int k = from; k < end; k++) {
            TokenTrie.Match<KnowledgeBase.AliasEntry> known = kb.aliasAt(a.tokens(), k);
            if (known != null && known.end() == end && kb.entity(choose(known.values(), EntityType.LOC).entityId())
                    .map(e -> e.type() == EntityType.LOC).orElse(false)) {
                return true;
            }
            int unit = lex.locationUnits().longestStartingAt(a, k);
            if (unit > 0 && k + unit < end && placeEnd(a, k + unit - 1) == end) {
                return true;
            }
        }
        return false;
    }

    /**
     * End of an organisation name starting with a capitalised token: capitalised tokens, at most one
     * lower-case syllable after a capitalised Vietnamese one ({@code Tài chính}), {@code và}/{@code -} between
     * capitalised parts, and a place at the end ({@code tỉnh Quảng Nam}). After a title the name stops where
     * the holder's name begins ({@code Thứ trưởng Bộ Y tế Nguyễn Thanh Long}).
     */
    private int organisationNameEnd(Article a, int start, boolean afterTitle) {
        int end = start + 1;
        int lowerRun = 0;
        while (end < a.size() && a.adjacent(end - 1)) {
            Token next = a.token(end);
            int unit = lex.locationUnits().longestStartingAt(a, end);
            if (a.isCapitalisedWord(end)) {
                if (lex.personTitles().longestStartingAt(a, end) > 0
                        || (afterTitle && surnameBeforeGivenNames(a, end))) {
                    break;
                }
                TokenTrie.Match<KnowledgeBase.AliasEntry> known = kb.aliasAt(a.tokens(), end);
                EntityType knownType = known == null ? null : kb.entity(choose(known.values(), EntityType.LOC)
                        .entityId()).map(KbEntity::type).orElse(null);
                if (knownType == EntityType.LOC) {
                    return known.end();
                }
                // Hội đồng Bảo an Liên hợp quốc: a known organisation inside the name is taken whole.
                end = knownType == EntityType.ORG ? known.end() : end + 1;
                lowerRun = 0;
            } else if (isJoiner(next) && a.isCapitalisedWord(end + 1) && a.adjacent(end)
                    && lex.orgHeads().longestStartingAt(a, end + 1) == 0
                    && kb.aliasAt(a.tokens(), end + 1) == null) {
                end += 2;
                lowerRun = 0;
            } else if (unit > 0 && placeEnd(a, end + unit - 1) > end + unit) {
                return placeEnd(a, end + unit - 1);
            } else if (next.kind() == Token.Kind.WORD && lowerRun < MAX_LOWER_CASE_IN_NAME
                    && !lex.functionWords().contains(next.text()) && a.token(end - 1).kind() == Token.Kind.WORD
                    && NameShape.isVietnameseSyllable(a.token(end - 1).text())) {
                end++;
                lowerRun++;
            } else {
                // Hội Kiến trúc sư Việt Nam: more lower-case words are still the name when a place closes it.
                return Math.max(end, lowerCaseNameEndingInPlace(a, end));
            }
        }
        return end;
    }

    /**
     * A name written wholly in lower case after its head and closed by a known place
     * ({@code Đoàn thể thao Việt Nam}, {@code Hội Tâm lý giáo dục học Hà Nội}); {@code nameStart} if none.
     */
    private int lowerCaseNameEndingInPlace(Article a, int nameStart) {
        for (int k = nameStart; k < a.size() && k - nameStart <= MAX_LOWER_CASE_BEFORE_PLACE; k++) {
            Token token = a.token(k);
            if (a.isCapitalisedWord(k)) {
                TokenTrie.Match<KnowledgeBase.AliasEntry> place = kb.aliasAt(a.tokens(), k);
                boolean known = k > nameStart && place != null && choose(place.values(), EntityType.LOC) != null
                        && kb.entity(choose(place.values(), EntityType.LOC).entityId())
                        .map(e -> e.type() == EntityType.LOC).orElse(false);
                return known ? place.end() : nameStart;
            }
            if (token.kind() != Token.Kind.WORD || !a.adjacent(k) || lex.functionWords().contains(token.text())) {
                return nameStart;
            }
        }
        return nameStart;
    }

    /** {@code U16}, {@code U23}; tested by hand, not by a regex, as it is asked at nearly every token. */
    private static boolean isAgeGroupTeam(String word) {
        return word.length() == 3 && word.charAt(0) == 'U' && isAsciiDigit(word.charAt(1))
                && isAsciiDigit(word.charAt(2));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isJoiner(Token token) {
        return token.text().equals("và") || token.text().equals("-") || token.text().equals("&");
    }

    /** End of the name that follows the unit word ending at token {@code unitLast}; {@code unitLast + 1} if none. */
    private int placeEnd(Article a, int unitLast) {
        int start = unitLast + 1;
        if (start >= a.size() || !a.adjacent(unitLast)) {
            return start;
        }
        if (a.token(start).kind() == Token.Kind.NUMBER) {
            // quốc lộ 1A: a letter touching the number is part of the road's number.
            boolean suffix = a.touching(start) && a.isCapitalisedWord(start + 1)
                    && a.token(start + 1).text().length() == 1;
            return suffix ? start + 2 : start + 1;
        }
        if (!a.isCapitalisedWord(start)) {
            return start;
        }
        TokenTrie.Match<KnowledgeBase.AliasEntry> match = kb.aliasAt(a.tokens(), start);
        int runEnd = fullNameStart(a, start + 1, runEnd(a, start, false));
        return match != null ? Math.max(match.end(), runEnd) : runEnd;
    }

    /**
     * Where a person's full name (surname and two or more given syllables) begins in tokens {@code [from, end)},
     * else {@code end}: {@code UBND tỉnh Quảng Bình Trần Tiến Dũng} names the office holder after the place.
     */
    private int fullNameStart(Article a, int from, int end) {
        for (int k = from; k + 3 <= end; k++) {
            if (surnameBeforeGivenNames(a, k)) {
                return k;
            }
        }
        return end;
    }

    /** Unit word + name: LOC with the unit inside the span; the id comes from the name. */
    private Candidate unitLocationAt(Article a, int i) {
        int unit = lex.locationUnits().longestStartingAt(a, i);
        if (unit == 0 || lex.commonCompounds().longestEndingAt(a, i + 1) > 1 || isInitialAfterTitle(a, i)) {
            return null;
        }
        int nameStart = i + unit;
        if (lex.locationCues().longestEndingAt(a, nameStart) > unit) {
            return null;
        }
        int end = placeEnd(a, nameStart - 1);
        if (end <= nameStart) {
            return null;
        }
        return located(a, i, nameStart, end, EntityType.LOC, 0.85);
    }

    /** {@code người Việt}, {@code tiếng Anh}: a people or a language, MISC. */
    private Candidate groupAt(Article a, int i) {
        int head = lex.groupHeads().longestStartingAt(a, i);
        int nameStart = i + head;
        if (head == 0 || !a.adjacent(nameStart - 1) || !a.isCapitalisedWord(nameStart)
                || lex.personTitles().longestStartingAt(a, nameStart) > 0) {
            return null;
        }
        TokenTrie.Match<KnowledgeBase.AliasEntry> match = kb.aliasAt(a.tokens(), nameStart);
        int end = match != null ? match.end() : runEnd(a, nameStart, true);
        return located(a, i, nameStart, end, EntityType.MISC, 0.8);
    }

    private Candidate located(Article a, int first, int nameStart, int end, EntityType type, double confidence) {
        TokenTrie.Match<KnowledgeBase.AliasEntry> match = kb.aliasAt(a.tokens(), nameStart);
        String id;
        String canonical;
        if (match != null && match.end() == end && type != EntityType.MISC) {
            KbEntity entity = kb.entity(choose(match.values(), type).entityId()).orElseThrow();
            id = entity.id();
            canonical = entity.name();
        } else {
            canonical = a.surface(nameStart, end);
            id = EntityIds.fromName(type, type == EntityType.MISC ? a.surface(first, end) : canonical);
        }
        return new Candidate(first, nameStart, end, type, Mention.PATTERN, confidence, id, canonical, Support.STRONG);
    }

    /** A run of capitalised syllables not found in the knowledge base, typed from context and shape. */
    private Candidate capitalisedRunAt(Article a, int i) {
        if (!a.isCapitalisedWord(i) || startsContextPhrase(a, i) || startsSeparateName(a, i)) {
            return null;
        }
        if (a.sentenceInitial()[i] && isCommonAtSentenceStart(a, i)) {
            return null;
        }
        int end = runEnd(a, i, true);
        String surface = a.surface(i, end);
        int length = end - i;
        EntityType type = EntityType.PER;
        double confidence;
        Support support = Support.STRONG;
        boolean acronym = length == 1 && ACRONYM.matcher(a.token(i).text()).matches();
        if (length == 1 && CAMEL_CASE.matcher(a.token(i).text()).find()) {
            // PetroChina, TPBank: brands join words with capitals; a person's name never does.
            type = EntityType.ORG;
            confidence = 0.6;
        } else if (namedAfterTitle(a, i, end, acronym)) {
            confidence = 0.9;
        } else if (lex.surnames().contains(a.token(i).text()) && length >= 2 && length <= MAX_PERSON_SYLLABLES
                && allSyllables(a, i, end)) {
            confidence = 0.8;
        } else if (length > 1 && containsForeignOrgWord(a, i, end)) {
            type = EntityType.ORG;
            confidence = 0.75;
        } else if (lex.foreignNameStarts().contains(a.token(i).text()) && length <= MAX_PERSON_SYLLABLES) {
            confidence = 0.7;
        } else if (lex.locationCues().longestEndingAt(a, i) > 0) {
            type = EntityType.LOC;
            confidence = 0.6;
            support = Support.SHAPE;
        } else if (acronym) {
            type = EntityType.ORG;
            // Two letters are mostly a common noun shortened (ĐT Việt Nam = the national team, DN = firms).
            int place = a.token(i).text().length() > 2 ? placeAfter(a, end) : end;
            confidence = place > end ? 0.8 : 0.55;
            support = place > end ? Support.STRONG : Support.SHAPE;
            end = place;
            surface = a.surface(i, end);
        } else if (length == 1 && !a.sentenceInitial()[i] && a.token(i).kind() == Token.Kind.WORD
                && !NameShape.isVietnameseSyllable(a.token(i).text())
                && lex.personVerbs().longestStartingAt(a, end) > 0) {
            // Spencer nói: a lone foreign word doing the speaking is a person.
            confidence = 0.45;
        } else if (looksLikeVietnameseGivenName(a, i, end)) {
            confidence = 0.4;
            support = Support.SHAPE;
        } else if (placeAfter(a, end) > end) {
            // Manulife Việt Nam: a name qualified by the country or province it operates in.
            type = EntityType.ORG;
            confidence = 0.7;
            end = placeAfter(a, end);
            surface = a.surface(i, end);
        } else {
            confidence = 0.4;
            support = Support.CAPITALS;
        }
        return new Candidate(i, i, end, type, Mention.PATTERN, confidence, EntityIds.fromName(type, surface),
                surface, support);
    }

    /**
     * A surname followed by one to three given-name syllables: {@code Đoàn Văn Hậu} is a person even though
     * {@code Đoàn} also heads organisations ({@code Đoàn Luật sư Hà Nội}).
     */
    private boolean surnameBeforeGivenNames(Article a, int i) {
        if (!lex.surnames().contains(a.token(i).text())) {
            return false;
        }
        int k = i + 1;
        while (k < a.size() && k - i <= MAX_PERSON_SYLLABLES && a.adjacent(k - 1) && a.isCapitalisedWord(k)
                && a.token(k).kind() == Token.Kind.WORD
                && lex.nameSyllables().contains(NameShape.titleCase(a.token(k).text()))) {
            k++;
        }
        return k > i + 1 && k - i <= MAX_PERSON_SYLLABLES && !a.isCapitalisedWord(k);
    }

    /**
     * End of a country or province named right after token {@code end - 1}, else {@code end}: an acronym
     * followed by one is an organisation of that place ({@code BHXH Việt Nam}, {@code VFF Việt Nam}).
     */
    private int placeAfter(Article a, int end) {
        if (end <= 0 || !a.adjacent(end - 1)) {
            return end;
        }
        TokenTrie.Match<KnowledgeBase.AliasEntry> match = kb.aliasAt(a.tokens(), end);
        if (match == null) {
            return end;
        }
        boolean place = kb.entity(choose(match.values(), EntityType.LOC).entityId())
                .map(e -> "country".equals(e.kind()) || "province".equals(e.kind())).orElse(false);
        return place ? match.end() : end;
    }

    /**
     * {@code thông báo}, {@code dự báo}: a lower-case head right after a lower-case syllable that is not a
     * grammatical word ends a common word rather than starting a name ({@code theo báo Lao Động}).
     */
    private boolean secondSyllableOfCommonWord(Article a, int head) {
        Token token = a.token(head);
        if (token.isCapitalised() || head == 0 || !a.adjacent(head - 1)) {
            return false;
        }
        Token before = a.token(head - 1);
        return before.kind() == Token.Kind.WORD && !before.isCapitalised()
                && !lex.functionWords().contains(before.text());
    }

    /**
     * Whether the run {@code [i, end)} is the name of the person a title just before it introduces
     * ({@code ông Nguyễn Văn An}, {@code bà H.}), and not a body ({@code Chủ tịch HĐQT Oceanbank}) or a
     * portfolio ({@code Bộ trưởng Quốc phòng}).
     */
    private boolean namedAfterTitle(Article a, int i, int end, boolean acronym) {
        if (lex.personTitles().longestEndingAt(a, i) == 0 || i == 0 || a.sentenceOf()[i - 1] != a.sentenceOf()[i]) {
            return false;
        }
        boolean startsWithAcronym = ACRONYM.matcher(a.token(i).text()).matches() && a.token(i).text().length() > 1;
        if (acronym ? !isInitialAfterTitle(a, i) : end - i > 1 && startsWithAcronym) {
            return false;
        }
        return end - i > 1 || !continuesInLowerCase(a, end);
    }

    /**
     * {@code Bộ trưởng Quốc phòng}: a capitalised syllable continued by a lower-case one is the start of a
     * portfolio or a common word, since a person's name never goes on in lower case.
     */
    private boolean continuesInLowerCase(Article a, int end) {
        return end < a.size() && a.adjacent(end - 1) && a.token(end).kind() == Token.Kind.WORD
                && !a.token(end).isCapitalised() && !lex.functionWords().contains(a.token(end).text());
    }

    private static boolean isSchoolWord(String word) {
        return word.equals("Trường") || word.equals("trường");
    }

    private boolean containsForeignOrgWord(Article a, int first, int last) {
        for (int k = first; k < last; k++) {
            if (lex.foreignOrgWords().contains(a.token(k).text())) {
                return true;
            }
        }
        return false;
    }

    /** {@code Minh Chiến}, {@code Lan Khuê}: middle and given names only, as a person is often called. */
    private boolean looksLikeVietnameseGivenName(Article a, int first, int last) {
        if (last - first < 2 || last - first > MAX_PERSON_SYLLABLES) {
            return false;
        }
        for (int k = first; k < last; k++) {
            Token token = a.token(k);
            if (token.kind() != Token.Kind.WORD
                    || !lex.nameSyllables().contains(NameShape.titleCase(token.text()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code bà H.}: an initial after a person title is that person, not an abbreviated unit ({@code H.} = huyện). */
    private boolean isInitialAfterTitle(Article a, int i) {
        String text = a.token(i).text();
        boolean initial = text.length() == 1 || (text.length() == 2 && text.charAt(1) == '.');
        return initial && Character.isUpperCase(text.charAt(0)) && lex.personTitles().longestEndingAt(a, i) > 0;
    }

    private boolean startsContextPhrase(Article a, int i) {
        return lex.personTitles().longestStartingAt(a, i) > 0
                || lex.capitalisedNouns().longestStartingAt(a, i) > 0
                || (lex.orgHeads().longestStartingAt(a, i) > 0 && !surnameBeforeGivenNames(a, i))
                || (lex.locationUnits().longestStartingAt(a, i) > 0 && !isInitialAfterTitle(a, i))
                || kb.roleAt(a.tokens(), i) != null;
    }

    private boolean isCommonAtSentenceStart(Article a, int i) {
        String word = a.token(i).text();
        if (lex.commonWords().containsIgnoringCase(word)) {
            return true;
        }
        return a.writesInLowerCase(word) && !(lex.surnames().contains(word) && a.isCapitalisedWord(i + 1));
    }

    private static boolean allSyllables(Article a, int first, int last) {
        for (int k = first; k < last; k++) {
            if (a.token(k).kind() != Token.Kind.WORD) {
                return false;
            }
        }
        return true;
    }

    /**
     * End of a run of capitalised tokens from {@code start}: stops at punctuation, at a context word, and (when
     * {@code stopAtKnown}) where a knowledge-base name begins, so {@code Nga Vladimir Putin} gives two names.
     * A touching hyphen joins when the next part is lower case ({@code Jong-un}) or neither side is known
     * ({@code Hewlett-Packard}); {@code Putin-Trump} stays two names.
     */
    private int runEnd(Article a, int start, boolean stopAtKnown) {
        int end = start + 1;
        while (end < a.size()) {
            Token next = a.token(end);
            if (a.adjacent(end - 1) && a.isCapitalisedWord(end)) {
                boolean givenNameInPersonName = lex.surnames().contains(a.token(start).text())
                        && lex.nameSyllables().contains(a.token(end).text());
                if ((startsContextPhrase(a, end) && !givenNameInPersonName)
                        || (stopAtKnown && startsSeparateName(a, end))) {
                    break;
                }
                end++;
            } else if (next.text().equals("-") && a.touching(end - 1) && a.touching(end) && end + 1 < a.size()
                    && a.token(end + 1).isWordLike()) {
                boolean lowerPart = !a.token(end + 1).isCapitalised();
                boolean knownSides = kb.aliasAt(a.tokens(), end + 1) != null || kb.aliasAt(a.tokens(), end - 1) != null;
                if (!lowerPart && knownSides) {
                    break;
                }
                end += 2;
            } else {
                break;
            }
        }
        return end;
    }

    /**
     * Whether a knowledge-base name starting inside a capitalised run is a name of its own: yes for longer
     * names, people and countries ({@code Nga Vladimir Putin}); no for an ambiguous word or a one-syllable
     * place, which inside a run is part of a person's name ({@code Văn Vinh}).
     */
    private boolean startsSeparateName(Article a, int i) {
        TokenTrie.Match<KnowledgeBase.AliasEntry> match = kb.aliasAt(a.tokens(), i);
        if (match == null) {
            return false;
        }
        KnowledgeBase.AliasEntry entry = match.values().get(0);
        if (match.end() - i > 1) {
            return true;
        }
        KbEntity entity = kb.entity(entry.entityId()).orElseThrow();
        return !entry.ambiguous() && (entity.type() == EntityType.PER || "country".equals(entity.kind()));
    }
}
