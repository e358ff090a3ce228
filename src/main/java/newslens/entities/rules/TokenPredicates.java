package newslens.entities.rules;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import newslens.entities.Article;
import newslens.entities.EntityIds;
import newslens.entities.EntityType;
import newslens.entities.Mention;
import newslens.entities.kb.KbEntity;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.rules.Candidate.Support;
import newslens.text.Token;
import newslens.text.TokenTrie;

/**
 * What more than one {@link ProposalRule} asks about an article's tokens: whether a word starts a person's
 * name, a context phrase or a name of its own, where a capitalised run or a place name ends, and which
 * knowledge-base entry an alias means; and the candidate for a name after a head word ({@code tỉnh},
 * {@code người}). Questions only one rule asks stay in that rule.
 */
final class TokenPredicates implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A surname and up to three given syllables: {@code Nguyễn Thị Minh Khai}. */
    static final int MAX_PERSON_SYLLABLES = 4;
    /** {@code N.T.T.}, {@code H.M}: capital letters each followed by a dot, the last one's dot optional. */
    private static final Pattern DOTTED_INITIALS = Pattern.compile("(\\p{Lu}\\.)+\\p{Lu}?");

    private final KnowledgeBase kb;
    private final KnowledgeBase.Lexicons lex;

    TokenPredicates(KnowledgeBase kb) {
        this.kb = kb;
        this.lex = kb.lexicons();
    }

    KnowledgeBase kb() {
        return kb;
    }

    KnowledgeBase.Lexicons lexicons() {
        return lex;
    }

    /** The entry of the preferred type when an alias names several entities, else the first listed. */
    KnowledgeBase.AliasEntry choose(List<KnowledgeBase.AliasEntry> entries, EntityType preferred) {
        for (KnowledgeBase.AliasEntry entry : entries) {
            if (kb.entity(entry.entityId()).map(e -> e.type() == preferred).orElse(false)) {
                return entry;
            }
        }
        return entries.get(0);
    }

    /** Type of the entity an alias match names, preferring {@code preferred} among several; null if unknown. */
    EntityType typeOf(TokenTrie.Match<KnowledgeBase.AliasEntry> match, EntityType preferred) {
        return kb.entity(choose(match.values(), preferred).entityId()).map(KbEntity::type).orElse(null);
    }

    /**
     * A surname followed by one to three given-name syllables: {@code Đoàn Văn Hậu} is a person even though
     * {@code Đoàn} also heads organisations ({@code Đoàn Luật sư Hà Nội}).
     */
    boolean surnameBeforeGivenNames(Article a, int i) {
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
     * Pháp lý (legal), Anh văn (English class), bảng Anh (the pound), Ý kiến (an opinion), Áo dài (the dress):
     * the name at {@code i} is part of a word, listed with the names it holds or a known word it opens.
     */
    boolean insideWordHoldingName(Article a, int i) {
        return lex.countryWordCompounds().longestStartingAt(a, i) > 1
                || lex.countryWordCompounds().longestEndingAt(a, i + 1) > 1
                || (i + 1 < a.size() && a.adjacent(i) && !a.token(i + 1).isCapitalised()
                        && lex.words().longestStartingAtFolded(a, i) > 1);
    }

    /**
     * {@code bà H.}, {@code chị N.T.T.}: an initial, or a person's initials joined by dots, after a person title
     * is that person, not an abbreviated unit ({@code H.} = huyện) or an acronym.
     */
    boolean isInitialAfterTitle(Article a, int i) {
        String text = a.token(i).text();
        boolean initial = text.length() == 1 || (text.length() == 2 && text.charAt(1) == '.')
                || DOTTED_INITIALS.matcher(text).matches();
        return initial && Character.isUpperCase(text.charAt(0)) && lex.personTitles().longestEndingAt(a, i) > 0;
    }

    /** A title, a capitalised common noun, an organisation or unit head, or an office starts at {@code i}. */
    boolean startsContextPhrase(Article a, int i) {
        return lex.personTitles().longestStartingAt(a, i) > 0
                || lex.capitalisedNouns().longestStartingAt(a, i) > 0
                || (lex.orgHeads().longestStartingAt(a, i) > 0 && !surnameBeforeGivenNames(a, i))
                || (lex.locationUnits().longestStartingAt(a, i) > 0 && !isInitialAfterTitle(a, i))
                || kb.roleAt(a.tokens(), i) != null;
    }

    /**
     * Whether a knowledge-base name starting inside a capitalised run is a name of its own: yes for longer
     * names, people and countries ({@code Nga Vladimir Putin}); no for an ambiguous word or a one-syllable
     * place, which inside a run is part of a person's name ({@code Văn Vinh}).
     */
    boolean startsSeparateName(Article a, int i) {
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

    /**
     * End of a run of capitalised tokens from {@code start}: stops at punctuation, at a context word, and (when
     * {@code stopAtKnown}) where a knowledge-base name begins, so {@code Nga Vladimir Putin} gives two names.
     * A touching hyphen joins when the next part is lower case ({@code Jong-un}) or neither side is known
     * ({@code Hewlett-Packard}); {@code Putin-Trump} stays two names. A lower-case particle between foreign
     * words joins them ({@code Frank de Boer}, {@code name_particles.txt}).
     */
    int runEnd(Article a, int start, boolean stopAtKnown) {
        int end = start + 1;
        while (end < a.size()) {
            Token next = a.token(end);
            if (a.adjacent(end - 1) && a.isCapitalisedWord(end)) {
                // Ulrich Merkel, Harry Harris: a foreign given name and the foreign word after it are one name,
                // even when that word alone is a known person's surname.
                boolean surnameAfterForeignGivenName = end == start + 1
                        && lex.foreignNameStarts().contains(a.token(start).text())
                        && !NameShape.isVietnameseSyllable(a.token(end).text());
                if ((startsContextPhrase(a, end) && !givenNameInPersonName(a, start, end))
                        || (stopAtKnown && startsSeparateName(a, end) && !surnameAfterForeignGivenName)) {
                    break;
                }
                end++;
            } else if (next.text().equals("-") && a.touching(end - 1) && a.touching(end) && end + 1 < a.size()
                    && a.token(end + 1).isWordLike()) {
                if (startsContextPhrase(a, end + 1)) {
                    // Lê Trí Thanh-Phó chủ tịch: a title or a body's head after the dash starts the next phrase.
                    break;
                }
                boolean lowerPart = !a.token(end + 1).isCapitalised();
                boolean knownSides = kb.aliasAt(a.tokens(), end + 1) != null || kb.aliasAt(a.tokens(), end - 1) != null;
                if (!lowerPart && knownSides) {
                    break;
                }
                end += 2;
            } else if (lex.nameParticles().contains(next.text()) && a.adjacent(end - 1)
                    && isForeignCapitalised(a, end - 1) && particlesBeforeName(a, end) > 0) {
                // Frank de Boer, Edwin van der Sar: particles between foreign names are inside the name.
                end += particlesBeforeName(a, end) + 1;
            } else {
                break;
            }
        }
        return end;
    }

    /** One or two name particles from {@code k}, then a foreign capitalised word: how many particles, else 0. */
    private int particlesBeforeName(Article a, int k) {
        int particles = 0;
        while (particles < 2 && k + particles < a.size() && lex.nameParticles().contains(a.token(k + particles).text())
                && a.adjacent(k + particles)) {
            particles++;
        }
        return particles > 0 && k + particles < a.size() && isForeignCapitalised(a, k + particles) ? particles : 0;
    }

    /** A comma or {@code và}: what joins the names of a list ({@code Hoằng Hóa, Nga Sơn và Hậu Lộc}). */
    static boolean isListSeparator(Token token) {
        return token.text().equals(",") || token.text().equals("và");
    }

    private static boolean isForeignCapitalised(Article a, int k) {
        return a.isCapitalisedWord(k) && !NameShape.isVietnameseSyllable(a.token(k).text());
    }

    /**
     * Nguyễn Văn Đoàn, ca sĩ Đan Trường, thôn Phú Hội: in a person's or a place's name (a surname, a title or a
     * unit word opens it) a closing syllable that also heads bodies is part of the name. Asked only where such a
     * syllable starts a context phrase, since its lookups cost more than that test.
     */
    private boolean givenNameInPersonName(Article a, int start, int end) {
        return initialClosingName(a, start, end) || lex.surnames().contains(a.token(start).text())
                && (lex.nameSyllables().contains(a.token(end).text()) || lastGivenName(a, start, end))
                || start > 0 && (lex.personTitles().longestEndingAt(a, start) > 0
                        || lex.locationUnits().longestEndingAt(a, start) > 0)
                && allVietnameseSyllables(a, start, end) && lastGivenName(a, start, end);
    }

    /**
     * {@code bà Nguyễn Thị H.}, {@code anh Mạnh H.}: the press shortens a private person's last given name to its
     * initial, which may also be a unit's abbreviation ({@code H.} = huyện). It closes a run of Vietnamese
     * syllables a surname or a title opens, when no capitalised name follows it ({@code H. Phong Điền} is the
     * district).
     */
    private boolean initialClosingName(Article a, int start, int end) {
        String text = a.token(end).text();
        boolean initial = a.token(end).isInitial() || (text.length() == 2 && text.charAt(1) == '.'
                && Token.isInitialLetter(text.charAt(0)));
        boolean opened = lex.surnames().contains(a.token(start).text())
                || start > 0 && lex.personTitles().longestEndingAt(a, start) > 0;
        return initial && opened && end - start <= MAX_PERSON_SYLLABLES - 1 && allVietnameseSyllables(a, start, end)
                && !(end + 1 < a.size() && a.adjacent(end) && a.isCapitalisedWord(end + 1));
    }

    /**
     * {@code Nguyễn Văn Đoàn}: a Vietnamese syllable that closes a short run opened by a surname is the last
     * given name even when it also heads organisations ({@code Đoàn}, {@code Hội}) or names a unit, since
     * nothing capitalised follows it; not when it opens a title ({@code Chủ tịch}) or a longer head.
     */
    private boolean lastGivenName(Article a, int start, int k) {
        return k - start < MAX_PERSON_SYLLABLES && a.token(k).kind() == Token.Kind.WORD
                && NameShape.isVietnameseSyllable(a.token(k).text())
                && !(a.adjacent(k) && a.isCapitalisedWord(k + 1))
                && lex.orgHeads().longestStartingAt(a, k) <= 1 && lex.personTitles().longestStartingAt(a, k) == 0
                && lex.capitalisedNouns().longestStartingAt(a, k) == 0 && kb.roleAt(a.tokens(), k) == null;
    }

    private static boolean allVietnameseSyllables(Article a, int from, int to) {
        for (int k = from; k < to; k++) {
            if (a.token(k).kind() != Token.Kind.WORD || !NameShape.isVietnameseSyllable(a.token(k).text())) {
                return false;
            }
        }
        return true;
    }

    /** End of the name that follows the unit word ending at token {@code unitLast}; {@code unitLast + 1} if none. */
    int placeEnd(Article a, int unitLast) {
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
    int fullNameStart(Article a, int from, int end) {
        for (int k = from; k + 3 <= end; k++) {
            if (surnameBeforeGivenNames(a, k)) {
                return k;
            }
        }
        return end;
    }

    /**
     * End of a country or province named right after token {@code end - 1}, else {@code end}: an acronym
     * followed by one is an organisation of that place ({@code BHXH Việt Nam}, {@code VFF Việt Nam}).
     */
    int placeAfter(Article a, int end) {
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
     * A name after a head word that says what it is ({@code tỉnh}, {@code người}): tokens {@code [first, end)},
     * the name itself from {@code nameStart}. A LOC name the knowledge base knows takes its entity; any other
     * gets an id and a name from its surface (a MISC one from the whole span, since {@code người Việt} and
     * {@code tiếng Việt} differ, and neither is the country).
     */
    Candidate headedName(Article a, int first, int nameStart, int end, EntityType type, double confidence) {
        return headedName(a, first, nameStart, end, type, confidence, type == EntityType.MISC);
    }

    /**
     * {@link #headedName}, with the entity named by the whole span when {@code wholeSpanIsTheEntity}: a site
     * named after a place ({@code ga Hà Nội}) is not that place.
     */
    Candidate headedName(Article a, int first, int nameStart, int end, EntityType type, double confidence,
                         boolean wholeSpanIsTheEntity) {
        TokenTrie.Match<KnowledgeBase.AliasEntry> match = kb.aliasAt(a.tokens(), nameStart);
        String id;
        String canonical;
        if (match != null && match.end() == end && !wholeSpanIsTheEntity) {
            KbEntity entity = kb.entity(choose(match.values(), type).entityId()).orElseThrow();
            id = entity.id();
            canonical = entity.name();
        } else {
            // người Việt Nam, tiếng Anh: a people or a language is named with its head word, so a table never
            // shows it as the bare country word beside the country itself.
            canonical = wholeSpanIsTheEntity ? a.surface(first, end) : a.surface(nameStart, end);
            id = EntityIds.fromName(type, canonical);
        }
        return new Candidate(first, nameStart, end, type, Mention.PATTERN, confidence, id, canonical, Support.STRONG);
    }
}
