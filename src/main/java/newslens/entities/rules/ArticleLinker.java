package newslens.entities.rules;

import newslens.entities.Article;
import newslens.entities.EntityIds;
import newslens.entities.EntityType;
import newslens.entities.kb.KbEntity;
import newslens.entities.kb.KbRole;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.Mention;
import newslens.text.Token;
import newslens.text.TokenTrie;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newslens.entities.rules.Candidate.Support;

/**
 * Second pass over one article, using what the whole article says:
 * <ul>
 *   <li>one sense per article: a name typed only by its capitals takes the type (and id) the same name got
 *       from real evidence elsewhere in the article;</li>
 *   <li>a short person mention ({@code Trump}, {@code ông Lavrov}, {@code Đình Bảo}) that is the tail of a
 *       longer person name in the article links to that name; a name with only its shape that closes an
 *       organisation's name ({@code Thiên Nam} of {@code Thang máy Thiên Nam}) links to the organisation;</li>
 *   <li>a name with only its shape or capitals listed with people ({@code Cabaye, Lee và Townsend}) is a
 *       person;</li>
 *   <li>a bare word in brackets after a name abbreviates it; after a place, the organisation the place closes;</li>
 *   <li>in a football report (many words of {@code sports_words.txt}) a province or city named bare is its
 *       club: ORG;</li>
 *   <li>an office title used as a name ({@code Tổng thống Nga}) resolves to its holder on the publication
 *       date, unless it is qualified ({@code cựu}, {@code các}, {@code hai}) or followed by the holder's name.</li>
 * </ul>
 */
final class ArticleLinker implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String VIETNAM_ID = "loc:viet_nam";
    private static final int MAX_TAIL_SYLLABLES = 3;
    /** How far before a place an organisation head may open the name the place closes. */
    private static final int MAX_NAME_BEFORE_PLACE = 10;
    /** Football words an article needs before its bare province and city names are read as clubs. */
    private static final int MIN_SPORTS_WORDS = 5;
    private static final Set<String> CLUB_PLACE_KINDS = Set.of("province", "city");

    private final KnowledgeBase kb;

    ArticleLinker(KnowledgeBase kb) {
        this.kb = kb;
    }

    List<Candidate> link(Article a, List<Candidate> candidates) {
        Map<String, Candidate> evidenceBySurface = new HashMap<>();
        for (Candidate c : candidates) {
            boolean bareName = c.first() == c.nameFirst() || c.last() - c.nameFirst() > 1;
            if (c.strong() && bareName) {
                evidenceBySurface.putIfAbsent(a.surface(c.nameFirst(), c.last()), c);
            }
        }
        Map<String, Candidate> personByTail = personTails(a, candidates);
        Map<String, Candidate> organisationByTail = organisationTails(a, candidates);
        Boolean sportsReport = null; // asked only when a bare place could be a club: it reads the whole article
        boolean[] listedWithPeople = listedWithPeople(a, candidates);
        List<Candidate> result = new ArrayList<>(candidates.size());
        for (int index = 0; index < candidates.size(); index++) {
            Candidate c = candidates.get(index);
            String name = a.surface(c.nameFirst(), c.last());
            Candidate linked = c;
            if (c.type() == EntityType.PER && Mention.PATTERN.equals(c.method()) && personByTail.containsKey(name)) {
                Candidate full = personByTail.get(name);
                double confidence = Math.max(Confidence.PERSON_TAIL_LINK, c.confidence());
                linked = c.relinked(EntityType.PER, Mention.COREF, confidence, full.entityId(), full.canonicalName());
            } else if (!c.strong() && organisationByTail.containsKey(name)) {
                // Thiên Nam after CTCP Thang máy Thiên Nam: the firm named short, not a person with its shape.
                Candidate full = organisationByTail.get(name);
                linked = c.relinked(EntityType.ORG, Mention.COREF, Confidence.SAME_NAME_IN_ARTICLE, full.entityId(),
                        full.canonicalName());
            } else if (!c.strong() && evidenceBySurface.containsKey(name)) {
                Candidate evidence = evidenceBySurface.get(name);
                boolean sameSpan = evidence.first() == evidence.nameFirst();
                String id = sameSpan ? evidence.entityId() : EntityIds.fromName(evidence.type(), name);
                String canonical = sameSpan ? evidence.canonicalName() : name;
                linked = c.relinked(evidence.type(), evidence.method(), Confidence.SAME_NAME_IN_ARTICLE, id, canonical);
            } else if (listedWithPeople[index]) {
                linked = c.relinked(EntityType.PER, Mention.PATTERN, Confidence.PERSON_IN_LIST,
                        EntityIds.fromName(EntityType.PER, name), name);
            }
            if (isClubPlace(a, linked)) {
                if (sportsReport == null) {
                    sportsReport = isSportsReport(a);
                }
                if (sportsReport) {
                    double confidence = linked.confidence() * Confidence.CLUB_READING_FACTOR;
                    linked = linked.relinked(EntityType.ORG, linked.method(), confidence,
                            EntityIds.fromName(EntityType.ORG, name), name);
                }
            }
            if (linked.strong()) {
                result.add(linked);
            } else if (linked.length() > 1 && linked.support() == Candidate.Support.SHAPE) {
                result.add(linked);
            } else {
                Candidate defined = definedInParentheses(a, linked, result);
                if (defined != null) {
                    result.add(defined);
                }
            }
        }
        return result;
    }

    /**
     * Which weak candidates stand in a list with people ({@code Cabaye, Lee, Puncheon và Townsend}, a team sheet,
     * a cast): joined by a comma or {@code và} to a person found on real evidence, or to another such listed
     * name. A list holds things of one kind; acronyms and names of other types are left alone.
     */
    private static boolean[] listedWithPeople(Article a, List<Candidate> candidates) {
        int n = candidates.size();
        boolean[] person = new boolean[n];
        boolean[] promoted = new boolean[n];
        for (int k = 0; k < n; k++) {
            person[k] = candidates.get(k).strong() && candidates.get(k).type() == EntityType.PER;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 0; k < n; k++) {
                Candidate c = candidates.get(k);
                if (person[k] || c.strong() || c.type() != EntityType.PER || opensLowerCaseWord(a, c)) {
                    continue;
                }
                boolean afterPerson = k > 0 && person[k - 1] && listJoined(a, candidates.get(k - 1), c);
                boolean beforePerson = k + 1 < n && person[k + 1] && listJoined(a, c, candidates.get(k + 1));
                if (afterPerson || beforePerson) {
                    person[k] = true;
                    promoted[k] = true;
                    changed = true;
                }
            }
        }
        return promoted;
    }

    /**
     * {@code Ủy viên}, {@code Trưởng phòng}: one capitalised Vietnamese syllable going on in lower case opens a
     * title or a common word, not a name.
     */
    private static boolean opensLowerCaseWord(Article a, Candidate c) {
        if (c.last() - c.first() != 1 || c.last() >= a.size() || !a.adjacent(c.first())
                || !NameShape.isVietnameseSyllable(a.token(c.first()).text())) {
            return false;
        }
        Token next = a.token(c.last());
        return next.kind() == Token.Kind.WORD && !next.isCapitalised() && !next.text().equals("và");
    }

    /** Whether {@code second} follows {@code first} in one sentence with only a comma or {@code và} between. */
    private static boolean listJoined(Article a, Candidate first, Candidate second) {
        if (second.first() != first.last() + 1 || a.sentenceOf()[first.first()] != a.sentenceOf()[second.first()]) {
            return false;
        }
        return TokenPredicates.isListSeparator(a.token(first.last()));
    }

    private boolean isSportsReport(Article a) {
        int count = 0;
        for (int i = 0; i < a.size() && count < MIN_SPORTS_WORDS; i++) {
            int length = kb.lexicons().sportsWords().longestStartingAt(a, i);
            if (length > 0) {
                count++;
                i += length - 1;
            }
        }
        return count >= MIN_SPORTS_WORDS;
    }

    /**
     * A province or city named bare in a match report is its club ({@code chủ nhà Bình Dương},
     * {@code đánh bại Hải Phòng 2-1}), unless a place word puts it on the map ({@code tại Bình Dương},
     * {@code tỉnh Bình Dương}).
     */
    private boolean isClubPlace(Article a, Candidate c) {
        if (c.type() != EntityType.LOC || c.first() != c.nameFirst()
                || kb.lexicons().locationCues().longestEndingAt(a, c.first()) > 0) {
            return false;
        }
        return kb.entity(c.entityId()).map(e -> CLUB_PLACE_KINDS.contains(e.kind())).orElse(false);
    }

    /**
     * {@code Ngân hàng Nhà nước (NHNN)}: a bare word in brackets right after a name abbreviates it. Other
     * candidates with no evidence are dropped: single capitalised words (mostly common words capitalised by
     * custom or at a sentence start) and runs with nothing but their capitals (product names, titles of
     * works, places and brands the knowledge base does not know: {@code Galaxy Note}, {@code Khe Sanh}).
     */
    private Candidate definedInParentheses(Article a, Candidate c, List<Candidate> before) {
        if (before.isEmpty() || c.first() < 2 || c.last() >= a.size()) {
            return null;
        }
        Candidate previous = before.get(before.size() - 1);
        boolean bracketed = a.token(c.first() - 1).text().equals("(") && a.token(c.last()).text().equals(")");
        if (!bracketed || previous.last() != c.first() - 1 || previous.type() == EntityType.MISC) {
            return null;
        }
        if (previous.type() == EntityType.LOC) {
            // Trung tâm Kiểm soát dịch bệnh Mỹ (CDC): the place closes a longer name the rules missed, and the
            // bracket abbreviates that name, not the place. With an organisation head before it the acronym
            // is that organisation; without one, nothing is known.
            return organisationHeadBefore(a, previous.first()) ? c.relinked(EntityType.ORG, Mention.PATTERN,
                    Confidence.SAME_NAME_IN_ARTICLE, EntityIds.fromName(EntityType.ORG, a.surface(c.first(), c.last())),
                    a.surface(c.first(), c.last())) : null;
        }
        return c.relinked(previous.type(), Mention.COREF, Confidence.SAME_NAME_IN_ARTICLE, previous.entityId(),
                previous.canonicalName());
    }

    /** An organisation head within the few tokens of the same sentence before token {@code i}. */
    private boolean organisationHeadBefore(Article a, int i) {
        for (int k = i - 1; k >= 0 && k >= i - MAX_NAME_BEFORE_PLACE && a.sentenceOf()[k] == a.sentenceOf()[i]; k--) {
            if (kb.lexicons().orgHeads().longestStartingAt(a, k) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Tails (last one to three syllables) of multi-syllable person names, first name in the article wins. */
    private static Map<String, Candidate> personTails(Article a, List<Candidate> candidates) {
        Map<String, Candidate> byTail = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            int length = c.last() - c.nameFirst();
            if (c.type() != EntityType.PER || !c.strong() || length < 2) {
                continue;
            }
            for (int tail = 1; tail < length && tail <= MAX_TAIL_SYLLABLES; tail++) {
                byTail.putIfAbsent(a.surface(c.last() - tail, c.last()), c);
            }
        }
        return byTail;
    }

    /**
     * The capitalised names that close organisation names found by their head word ({@code Thiên Nam} of
     * {@code CTCP Thang máy Thiên Nam}), two or more syllables none of which the knowledge base knows, first
     * organisation in the article wins. A place closing the name ({@code UBND tỉnh Quảng Nam}, {@code UBND huyện
     * Mường La}, a place the knowledge base may not know) is no tail.
     */
    private Map<String, Candidate> organisationTails(Article a, List<Candidate> candidates) {
        Map<String, Candidate> byTail = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.type() != EntityType.ORG || !Mention.PATTERN.equals(c.method()) || !c.strong()) {
                continue;
            }
            int from = c.last();
            while (from > c.first() + 1 && a.isCapitalisedWord(from - 1) && a.adjacent(from - 2)
                    && kb.aliasAt(a.tokens(), from - 1) == null) {
                from--;
            }
            boolean placeOfTheBody = kb.lexicons().locationUnits().longestEndingAt(a, from) > 0;
            if (c.last() - from >= 2 && from > c.first() && !placeOfTheBody) {
                byTail.putIfAbsent(a.surface(from, c.last()), c);
            }
        }
        return byTail;
    }

    /** Role mentions resolved to office holders; empty without a publication date. */
    List<Candidate> roles(Article a, List<Candidate> names, LocalDate date) {
        List<Candidate> result = new ArrayList<>();
        if (date == null) {
            return result;
        }
        boolean[] startsName = new boolean[a.size() + 1];
        boolean vietnameseArticle = false;
        for (Candidate c : names) {
            startsName[c.first()] = true;
            vietnameseArticle |= VIETNAM_ID.equals(c.entityId()) || kb.entity(c.entityId())
                    .map(e -> VIETNAM_ID.equals(e.country())).orElse(false);
        }
        for (int i = 0; i < a.size(); i++) {
            TokenTrie.Match<Integer> match = kb.roleAt(a.tokens(), i);
            if (match == null) {
                continue;
            }
            KbRole role = kb.roles().get(match.values().get(0));
            int end = match.end();
            if (isQualified(a, i) || namedAfter(a, end, startsName) || joinedToAnother(a, end)
                    || (role.domestic() && !(vietnameseArticle && noForeignCountryInSentence(a, names, i)))) {
                i = end - 1;
                continue;
            }
            Optional<String> holder = kb.holderOn(role, date);
            if (holder.isPresent()) {
                String name = kb.entity(holder.get()).map(KbEntity::name).orElse(holder.get());
                double confidence = role.domestic() ? Confidence.DOMESTIC_ROLE_HOLDER : Confidence.ROLE_HOLDER;
                result.add(new Candidate(i, i, end, EntityType.PER, Mention.KB_ROLE, confidence, holder.get(), name,
                        Support.STRONG));
            }
            i = end - 1;
        }
        return result;
    }

    /** {@code cựu Tổng thống}, {@code các Bộ trưởng}, {@code hai Tổng thống}: not the current holder. */
    private boolean isQualified(Article a, int roleStart) {
        return kb.lexicons().roleBlockers().longestEndingAt(a, roleStart) > 0;
    }

    /** {@code Tổng thống Mỹ Donald Trump}: the name that follows is the mention. */
    private static boolean namedAfter(Article a, int end, boolean[] startsName) {
        return end < a.size() && a.adjacent(end - 1) && a.isCapitalisedWord(end) && startsName[end];
    }

    /** {@code Tổng thống Nga-Mỹ}: two offices at once, written as one. */
    private static boolean joinedToAnother(Article a, int end) {
        if (end >= a.size()) {
            return false;
        }
        String next = a.token(end).text();
        return next.equals("-") || next.equals("–");
    }

    private boolean noForeignCountryInSentence(Article a, List<Candidate> names, int i) {
        int sentence = a.sentenceOf()[i];
        for (Candidate c : names) {
            if (a.sentenceOf()[c.first()] == sentence && !VIETNAM_ID.equals(c.entityId())
                    && kb.entity(c.entityId()).map(e -> "country".equals(e.kind())).orElse(false)) {
                return false;
            }
        }
        return true;
    }
}
