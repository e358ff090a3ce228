package newslens.entities.rules;

import newslens.entities.Article;
import newslens.entities.EntityIds;
import newslens.entities.EntityType;
import newslens.entities.Mention;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.rules.Candidate.Support;
import newslens.text.Token;
import newslens.text.TokenTrie;

/**
 * An organisation head ({@code Bộ}, {@code Công ty}, {@code UBND}) followed by a capitalised name that may
 * continue in lower case ({@code Bộ Giáo dục và Đào tạo}) and end with a place ({@code UBND tỉnh Quảng Nam}),
 * or an age-group team ({@code U23 Việt Nam}): ORG. A local body's head needs the place ({@code Sở Y tế} alone
 * is no name), and a lower-case descriptor stays outside ({@code tạp chí Forbes}).
 */
final class OrganisationRule implements ProposalRule {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LOWER_CASE_IN_NAME = 1;
    /** The knowledge base's kind of continents and world regions ({@code places.json}). */
    private static final String REGION = "region";
    /** Capitalised words of a school's name after its grade ({@code Nguyễn Thị Minh Khai}). */
    private static final int MAX_SCHOOL_NAME_WORDS = 5;
    private static final int MAX_LOWER_CASE_BEFORE_PLACE = 5;

    private final KnowledgeBase kb;
    private final KnowledgeBase.Lexicons lex;
    private final TokenPredicates predicates;

    OrganisationRule(TokenPredicates predicates) {
        this.kb = predicates.kb();
        this.lex = predicates.lexicons();
        this.predicates = predicates;
    }

    @Override
    public String name() {
        return "organisation";
    }

    /** A head word is direct evidence, yet weaker than the knowledge base. */
    @Override
    public int priority() {
        return 3;
    }

    /** {@code Bộ Công Thương kiểm}: a known organisation followed only by lower-case words stays as known. */
    @Override
    public boolean yieldsTo(Article a, Candidate own, Candidate other) {
        return Mention.KB.equals(other.method()) && other.type() == EntityType.ORG
                && allLowerCase(a, other.last(), own.last());
    }

    private static boolean allLowerCase(Article a, int from, int to) {
        for (int k = from; k < to; k++) {
            if (a.isCapitalisedWord(k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Candidate proposeAt(Article a, int i) {
        Candidate school = school(a, i);
        boolean gradeAfterSchoolWord = isSchoolWord(a.token(i).text()) && i + 1 < a.size()
                && lex.schoolGrades().longestStartingAt(a, i + 1) > 0;
        if (school != null || gradeAfterSchoolWord) {
            return school;
        }
        int head = lex.orgHeads().longestStartingAt(a, i);
        boolean ageTeam = head == 0 && isAgeGroupTeam(a.token(i).text());
        if (ageTeam) {
            TokenTrie.Match<KnowledgeBase.AliasEntry> team = kb.aliasAt(a.tokens(), i + 1);
            if (team == null || !a.adjacent(i)) {
                return null;
            }
            String teamOf = kb.entity(predicates.choose(team.values(), null).entityId()).orElseThrow().kind();
            if (REGION.equals(teamOf)) {
                // U23 châu Á: a continent fields no team; it is the continent's championship, an event.
                String surface = a.surface(i, team.end());
                return new Candidate(i, i, team.end(), EntityType.MISC, Mention.PATTERN,
                        Confidence.ORGANISATION_PATTERN, EntityIds.fromName(EntityType.MISC, surface), surface,
                        Support.STRONG);
            }
            return organisation(a, i, team.end());
        }
        if (head == 0 || !a.adjacent(i + head - 1) || predicates.surnameBeforeGivenNames(a, i)
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
            end = predicates.placeEnd(a, nameStart + unit - 1);
        } else if (a.isCapitalisedWord(nameStart)) {
            end = organisationNameEnd(a, nameStart, lex.personTitles().longestEndingAt(a, i) > 0);
        } else if (isUnitNumber(a.token(nameStart))) {
            // Bệnh viện 115, Bệnh viện 115 Nghệ An: a numbered body, with the place it serves.
            end = Math.max(nameStart + 1, knownPlaceAfter(a, nameStart + 1));
        } else {
            // Nhà máy sản xuất xơ sợi Đình Vũ: the body's fields in lower case, then the name that sets it apart.
            end = endAfterFieldWords(a, i, nameStart);
            if (end == nameStart && lex.personTitles().longestStartingAt(a, i) == 0) {
                end = lowerCaseNameEndingInPlace(a, nameStart);
            }
        }
        if (end <= nameStart) {
            return null;
        }
        end += numberedAfter(a, end);
        if (lex.localHeads().longestStartingAt(a, i) > 0 && !endsWithPlace(a, nameStart, end)) {
            return null;
        }
        int first = i;
        if (lex.orgDescriptors().longestStartingAt(a, i) == head) {
            if (predicates.placeAfter(a, nameStart) > nameStart) {
                return null;
            }
            first = nameStart;
        }
        return organisation(a, first, end);
    }

    /**
     * A school below university ({@code school_grades.txt}): {@code Trường} (or nothing, when the grade is
     * capitalised) and one or more grades ({@code tiểu học & THCS}), then the capitalised run that names it
     * and its number ({@code Trường THCS Mỹ Đình 1}), whatever else the run names. A grade with no name after
     * it is no name ({@code học sinh trường THPT}).
     */
    private Candidate school(Article a, int i) {
        boolean schoolWord = isSchoolWord(a.token(i).text());
        int k = schoolWord ? i + 1 : i;
        if (!schoolWord && (!a.token(i).isCapitalised() || i > 0 && isSchoolWord(a.token(i - 1).text()))) {
            return null;
        }
        int grades = 0;
        int grade;
        while (k < a.size() && a.adjacent(k - 1) && (grade = lex.schoolGrades().longestStartingAt(a, k)) > 0) {
            k += grade;
            grades++;
            if (k + 1 < a.size() && a.adjacent(k - 1) && isJoiner(a.token(k))
                    && lex.schoolGrades().longestStartingAt(a, k + 1) > 0) {
                k++;
            }
        }
        if (grades == 0) {
            return null;
        }
        int end = k;
        while (end < a.size() && end - k < MAX_SCHOOL_NAME_WORDS && a.adjacent(end - 1) && a.isCapitalisedWord(end)) {
            end++;
        }
        if (end == k) {
            return null;
        }
        if (end < a.size() && a.adjacent(end - 1) && isUnitNumber(a.token(end))) {
            end++;
        }
        return organisation(a, i, end);
    }

    private static Candidate organisation(Article a, int first, int end) {
        String surface = a.surface(first, end);
        return new Candidate(first, first, end, EntityType.ORG, Mention.PATTERN, Confidence.ORGANISATION_PATTERN,
                EntityIds.fromName(EntityType.ORG, surface), surface, Support.STRONG);
    }

    /** {@code U16}, {@code U23}; tested by hand, not by a regex, as it is asked at nearly every token. */
    private static boolean isAgeGroupTeam(String word) {
        return word.length() == 3 && word.charAt(0) == 'U' && isAsciiDigit(word.charAt(1))
                && isAsciiDigit(word.charAt(2));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSchoolWord(String word) {
        return word.equals("Trường") || word.equals("trường");
    }

    private static boolean isJoiner(Token token) {
        return token.text().equals("và") || token.text().equals("-") || token.text().equals("&");
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

    /** Whether tokens {@code [from, end)} end with a place: a known one, or a unit word and a name. */
    private boolean endsWithPlace(Article a, int from, int end) {
        for (int k = from; k < end; k++) {
            TokenTrie.Match<KnowledgeBase.AliasEntry> known = kb.aliasAt(a.tokens(), k);
            if (known != null && known.end() == end && predicates.typeOf(known, EntityType.LOC) == EntityType.LOC) {
                return true;
            }
            int unit = lex.locationUnits().longestStartingAt(a, k);
            if (unit > 0 && k + unit < end && predicates.placeEnd(a, k + unit - 1) == end) {
                return true;
            }
        }
        return false;
    }

    /**
     * End of an organisation name starting with a capitalised token: capitalised tokens, at most one
     * lower-case syllable after a capitalised Vietnamese one ({@code Tài chính}) or the field words of
     * {@link #fieldWordsEnd} ({@code Cảnh sát giao thông}), {@code và}/{@code -} between
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
                        || (afterTitle && predicates.surnameBeforeGivenNames(a, end))) {
                    break;
                }
                TokenTrie.Match<KnowledgeBase.AliasEntry> known = kb.aliasAt(a.tokens(), end);
                EntityType knownType = known == null ? null : predicates.typeOf(known, EntityType.LOC);
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
            } else if (isUnitNumber(next) && a.token(end - 1).kind() == Token.Kind.WORD) {
                // Bệnh viện Quân y 175, trường Tiểu học Kỳ Thịnh 2: the number closes the name, or a place does.
                return knownPlaceAfter(a, end + 1);
            } else if (unit > 0 && predicates.placeEnd(a, end + unit - 1) > end + unit) {
                return predicates.placeEnd(a, end + unit - 1);
            } else if (fieldWordsEnd(a, end) > end && NameShape.isVietnameseSyllable(a.token(end - 1).text())) {
                // Cục Cảnh sát giao thông: the body's field goes on in lower case.
                end = fieldWordsEnd(a, end);
                lowerRun = 0;
            } else if (capitalisedWordEnd(a, end - 1) > end) {
                // Cục Hậu cần, Viện Y học: the capital opens a known word whose other syllables follow.
                end = capitalisedWordEnd(a, end - 1);
                lowerRun++;
            } else if (next.kind() == Token.Kind.WORD && lowerRun < MAX_LOWER_CASE_IN_NAME
                    && !lex.functionWords().contains(next.text()) && a.token(end - 1).kind() == Token.Kind.WORD
                    && NameShape.isVietnameseSyllable(a.token(end - 1).text()) && mayTakeLowerSyllable(a, end)) {
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
     * End of the known word ({@code words.txt}, the segmenter's lexicon) that the capitalised syllable at
     * {@code k} opens, its other syllables in lower case ({@code Sở hữu}, {@code Y học}), else {@code k + 1}.
     */
    private int capitalisedWordEnd(Article a, int k) {
        if (!a.token(k).isCapitalised() || !NameShape.isVietnameseSyllable(a.token(k).text())) {
            return k + 1;
        }
        int words = lex.words().longestStartingAtFolded(a, k);
        return words >= 2 && allAdjacent(a, k, k + words) ? k + words : k + 1;
    }

    /**
     * Whether a name may take the lower-case syllable at {@code k}: yes, unless it opens a known word of two
     * syllables or more after a name whose last word is whole ({@code Báo Thanh Niên tổ chức}, {@code Đại sứ
     * quán Thụy Điển nghiên cứu}: the sentence goes on); a lone capital before it may still want it as its
     * second syllable ({@code Ban Thường vụ Thành ủy}).
     */
    private boolean mayTakeLowerSyllable(Article a, int k) {
        if (lex.words().longestStartingAt(a, k) < 2) {
            return true;
        }
        return a.token(k - 1).isCapitalised() && (k < 2 || !a.token(k - 2).isCapitalised());
    }

    private static boolean allAdjacent(Article a, int from, int to) {
        for (int k = from; k < to - 1; k++) {
            if (!a.adjacent(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a name may end just before token {@code k}: at punctuation, a capitalised or a grammatical word,
     * the body's number ({@code số 7}), a line's or the text's end.
     */
    private boolean mayEndBefore(Article a, int k) {
        return k >= a.size() || !a.adjacent(k - 1) || a.token(k).kind() != Token.Kind.WORD
                || a.token(k).isCapitalised() || lex.functionWords().contains(a.token(k).text())
                || numberedAfter(a, k) > 0;
    }

    /**
     * End of the lower-case field words ({@code org_name_words.txt}) from {@code start} when a boundary follows
     * them (punctuation, a capitalised or a grammatical word, the end), else {@code start}: in {@code Bộ Y tế
     * đầu tư bệnh viện} the words after the name are the sentence's, not the name's.
     */
    private int fieldWordsEnd(Article a, int start) {
        int end = start;
        int words;
        while (end < a.size() && a.adjacent(end - 1) && (words = lex.orgNameWords().longestStartingAt(a, end)) > 0) {
            end += words;
        }
        return end > start && mayEndBefore(a, end) ? end : start;
    }

    /**
     * End of a body's name written after field words ({@code org_name_words.txt}) in lower case right after a
     * capitalised head ({@code Công ty CP dịch vụ môi trường đô thị Sơn La}): the name, or the known place it
     * ends in; {@code nameStart} when there is none. A head in lower case is a description ({@code công ty
     * thực phẩm Thụy Sĩ}), not a name.
     */
    private int endAfterFieldWords(Article a, int i, int nameStart) {
        if (!a.token(i).isCapitalised()) {
            return nameStart;
        }
        int name = fieldWordsEnd(a, nameStart);
        if (name == nameStart || name >= a.size() || !a.adjacent(name - 1) || !a.isCapitalisedWord(name)) {
            return nameStart;
        }
        int place = knownPlaceAfter(a, name);
        return place > name ? place : organisationNameEnd(a, name, lex.personTitles().longestEndingAt(a, i) > 0);
    }

    /**
     * Tokens of a body's number written with {@code số} at {@code k} ({@code Đội CSGT số 2}, {@code Đội Quản lý
     * thị trường số 7}): 2, else 0.
     */
    private static int numberedAfter(Article a, int k) {
        return k + 1 < a.size() && a.adjacent(k - 1) && a.adjacent(k) && a.token(k).text().equals("số")
                && isUnitNumber(a.token(k + 1)) ? 2 : 0;
    }

    /** A body's number: one to three digits ({@code 115}, {@code 2}), not a year or a count ({@code 2012}). */
    private static boolean isUnitNumber(Token token) {
        String text = token.text();
        if (token.kind() != Token.Kind.NUMBER || text.length() > 3) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (!isAsciiDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** End of a known place starting at token {@code k} and touching the token before it, else {@code k}. */
    private int knownPlaceAfter(Article a, int k) {
        if (k >= a.size() || !a.adjacent(k - 1) || !a.isCapitalisedWord(k)) {
            return k;
        }
        TokenTrie.Match<KnowledgeBase.AliasEntry> place = kb.aliasAt(a.tokens(), k);
        return place != null && predicates.typeOf(place, EntityType.LOC) == EntityType.LOC ? place.end() : k;
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
                boolean known = k > nameStart && place != null
                        && predicates.typeOf(place, EntityType.LOC) == EntityType.LOC;
                return known ? place.end() : nameStart;
            }
            if (token.kind() != Token.Kind.WORD || !a.adjacent(k) || lex.functionWords().contains(token.text())) {
                return nameStart;
            }
        }
        return nameStart;
    }
}
