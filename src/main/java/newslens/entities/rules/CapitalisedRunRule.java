package newslens.entities.rules;

import java.util.regex.Pattern;
import newslens.entities.Article;
import newslens.entities.EntityIds;
import newslens.entities.EntityType;
import newslens.entities.Mention;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.rules.Candidate.Support;
import newslens.text.Token;

/**
 * A run of capitalised syllables the knowledge base does not name, typed by the first clue that applies: the
 * title before it ({@code ông}, {@code HLV}), a Vietnamese surname at its head, a foreign organisation word
 * ({@code FC}, {@code News}) or given name ({@code Mark}), a location cue ({@code tại}), or its shape: an
 * acronym or a word with inner capitals is ORG, a run of foreign words whose last word the article also uses
 * alone is PER ({@code Julianne Moore … Moore}), a run of Vietnamese given-name syllables is PER
 * ({@code Minh Chiến}). Any other run has only its capitals ({@link Support#CAPITALS}) and survives only with
 * support from the article.
 */
final class CapitalisedRunRule implements ProposalRule {

    private static final long serialVersionUID = 1L;
    private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}\\d&.+-]{2,}");
    private static final Pattern CAMEL_CASE = Pattern.compile("\\p{Ll}\\p{Lu}|^\\p{Lu}{2,}\\p{Ll}{2,}");
    private static final int MAX_PERSON_SYLLABLES = TokenPredicates.MAX_PERSON_SYLLABLES;
    /** Tokens of the longest country or province name looked for between a title and a name. */
    private static final int MAX_PLACE_TOKENS = 4;

    private final KnowledgeBase.Lexicons lex;
    private final TokenPredicates predicates;

    CapitalisedRunRule(TokenPredicates predicates) {
        this.lex = predicates.lexicons();
        this.predicates = predicates;
    }

    @Override
    public String name() {
        return "capitalised-run";
    }

    /** Capitals are the weakest evidence: last on a tie. */
    @Override
    public int priority() {
        return 6;
    }

    @Override
    public Candidate proposeAt(Article a, int i) {
        if (!a.isCapitalisedWord(i) || predicates.startsContextPhrase(a, i) || predicates.startsSeparateName(a, i)
                || predicates.insideWordHoldingName(a, i)) {
            return null;
        }
        if (a.sentenceInitial()[i] && isCommonAtSentenceStart(a, i)) {
            return null;
        }
        if (lex.thingHeads().longestEndingAt(a, i) > 0) {
            // bão Harvey, phim Kingsman: the word before says the name is a storm's or a work's.
            return null;
        }
        boolean startsWithAcronym = ACRONYM.matcher(a.token(i).text()).matches();
        int end = predicates.runEnd(a, i, true);
        if (end - i > 1 && startsWithAcronym) {
            // ĐBQH Trương Minh Hoàng, KTS Trần Ngọc Phương: an acronym (a title, a ministry) before a person's
            // full name is not part of the name, which the next position proposes on its own.
            end = predicates.fullNameStart(a, i + 1, end);
        }
        String surface = a.surface(i, end);
        int length = end - i;
        EntityType type = EntityType.PER;
        double confidence;
        Support support = Support.STRONG;
        boolean acronym = length == 1 && startsWithAcronym;
        if (length == 1 && CAMEL_CASE.matcher(a.token(i).text()).find()) {
            // PetroChina, TPBank: brands join words with capitals; a person's name never does.
            type = EntityType.ORG;
            confidence = Confidence.ORGANISATION_CAMEL_CASE;
        } else if (namedAfterTitle(a, i, end, acronym)) {
            confidence = Confidence.PERSON_AFTER_TITLE;
            if (acronym && initialsCloseWithDot(a, end)) {
                // chị N.T.T. đã: the last initial's dot, not the sentence's end, when the sentence goes on.
                end++;
                surface = a.surface(i, end);
            }
        } else if (lex.surnames().contains(a.token(i).text()) && length >= 2 && length <= MAX_PERSON_SYLLABLES
                && allSyllables(a, i, end)) {
            confidence = Confidence.PERSON_WITH_SURNAME;
        } else if (length > 1 && containsForeignOrgWord(a, i, end)) {
            type = EntityType.ORG;
            confidence = Confidence.ORGANISATION_WORD_IN_RUN;
        } else if (lex.foreignNameStarts().contains(a.token(i).text()) && length <= MAX_PERSON_SYLLABLES) {
            confidence = Confidence.PERSON_FOREIGN_GIVEN_NAME;
        } else if (lex.locationCues().longestEndingAt(a, i) > 0) {
            type = EntityType.LOC;
            confidence = Confidence.LOCATION_AFTER_CUE;
            // ở Rockport, tại Nagoya: one foreign word right after "at" is a place too (after "from", "to" it may
            // be a film or a festival); one Vietnamese syllable is as often a common word capitalised by custom.
            support = length == 1 && isForeignWord(a, i) && lex.placePrepositions().longestEndingAt(a, i) > 0
                    ? Support.STRONG : Support.SHAPE;
        } else if (acronym) {
            type = EntityType.ORG;
            // Two letters are mostly a common noun shortened (ĐT Việt Nam = the national team, DN = firms).
            int place = a.token(i).text().length() > 2 ? predicates.placeAfter(a, end) : end;
            confidence = place > end ? Confidence.ACRONYM_OF_PLACE : Confidence.ACRONYM_ALONE;
            support = place > end ? Support.STRONG : Support.SHAPE;
            end = place;
            surface = a.surface(i, end);
        } else if (length == 1 && !a.sentenceInitial()[i] && a.token(i).kind() == Token.Kind.WORD
                && !NameShape.isVietnameseSyllable(a.token(i).text())
                && lex.personVerbs().longestStartingAt(a, end) > 0) {
            // Spencer nói: a lone foreign word doing the speaking is a person.
            confidence = Confidence.PERSON_SPEAKING;
        } else if (isForeignRun(a, i, end) && (lex.personVerbs().longestStartingAt(a, end) > 0
                || lastWordStandsAlone(a, i, end))) {
            // Cristiano Ronaldo ... Ronaldo: people are named again by their last name; products and works
            // are not. A speaking verb after the run says person too.
            confidence = Confidence.PERSON_FOREIGN_RUN;
        } else if (looksLikeVietnameseGivenName(a, i, end)) {
            confidence = Confidence.PERSON_GIVEN_NAMES_ONLY;
            support = Support.SHAPE;
        } else if (predicates.placeAfter(a, end) > end) {
            // Manulife Việt Nam: a name qualified by the country or province it operates in.
            type = EntityType.ORG;
            confidence = Confidence.ORGANISATION_OF_PLACE;
            end = predicates.placeAfter(a, end);
            surface = a.surface(i, end);
        } else {
            confidence = Confidence.CAPITALS_ONLY;
            support = Support.CAPITALS;
        }
        return new Candidate(i, i, end, type, Mention.PATTERN, confidence, EntityIds.fromName(type, surface),
                surface, support);
    }

    /**
     * Whether the run {@code [i, end)} is the name of the person a title just before it introduces
     * ({@code ông Nguyễn Văn An}, {@code bà H.}), and not a body ({@code Chủ tịch HĐQT Oceanbank}) or a
     * portfolio ({@code Bộ trưởng Quốc phòng}).
     */
    private boolean namedAfterTitle(Article a, int i, int end, boolean acronym) {
        if (i == 0 || a.sentenceOf()[i - 1] != a.sentenceOf()[i]
                || lex.personTitles().longestEndingAt(a, i) == 0 && !titleAndPlaceBefore(a, i)) {
            return false;
        }
        boolean startsWithAcronym = ACRONYM.matcher(a.token(i).text()).matches() && a.token(i).text().length() > 1;
        if (acronym ? !predicates.isInitialAfterTitle(a, i) : end - i > 1 && startsWithAcronym) {
            return false;
        }
        return end - i > 1 || !continuesInLowerCase(a, end);
    }

    private static boolean initialsCloseWithDot(Article a, int end) {
        return end + 1 < a.size() && a.token(end).text().equals(".") && a.touching(end - 1)
                && a.token(end - 1).text().indexOf('.') > 0 && a.token(end + 1).kind() == Token.Kind.WORD
                && !a.token(end + 1).isCapitalised();
    }

    /**
     * {@code Tổng thống Romania Klaus Iohannis}: a title, then the country or province the office belongs to,
     * right before the run.
     */
    private boolean titleAndPlaceBefore(Article a, int i) {
        for (int k = i - 1; k >= Math.max(1, i - MAX_PLACE_TOKENS); k--) {
            if (predicates.placeAfter(a, k) == i && lex.personTitles().longestEndingAt(a, k) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code Bộ trưởng Quốc phòng}: a capitalised syllable continued by a lower-case one is the start of a
     * portfolio or a common word, since a person's name never goes on in lower case.
     */
    private boolean continuesInLowerCase(Article a, int end) {
        return end < a.size() && a.adjacent(end - 1) && a.token(end).kind() == Token.Kind.WORD
                && !a.token(end).isCapitalised() && !lex.functionWords().contains(a.token(end).text());
    }

    private boolean isCommonAtSentenceStart(Article a, int i) {
        String word = a.token(i).text();
        if (lex.commonWords().containsIgnoringCase(word)) {
            return true;
        }
        return a.writesInLowerCase(word) && !(lex.surnames().contains(word) && a.isCapitalisedWord(i + 1));
    }

    private boolean containsForeignOrgWord(Article a, int first, int last) {
        for (int k = first; k < last; k++) {
            if (lex.foreignOrgWords().contains(a.token(k).text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two to four capitalised words, none a Vietnamese syllable, none written in capitals only and none a name
     * the knowledge base knows ({@code Julianne Moore}, {@code Jesus Vallejo}, not {@code Samsung Galaxy}): the
     * shape of a foreign name, a person's or a product's.
     */
    private boolean isForeignRun(Article a, int first, int last) {
        if (last - first < 2 || last - first > MAX_PERSON_SYLLABLES) {
            return false;
        }
        for (int k = first; k < last; k++) {
            if (!isForeignWord(a, k) || predicates.kb().aliasAt(a.tokens(), k) != null) {
                return false;
            }
        }
        return true;
    }

    /** A word of two or more letters, not in capitals only and not a Vietnamese syllable ({@code Rockport}). */
    private static boolean isForeignWord(Article a, int k) {
        String word = a.token(k).text();
        return a.token(k).kind() == Token.Kind.WORD && word.length() >= 2 && !ACRONYM.matcher(word).matches()
                && !NameShape.isVietnameseSyllable(word);
    }

    /**
     * Whether the run's last word occurs elsewhere in the article on its own, with no capitalised word or number
     * touching it on either side: a person named again by surname ({@code Moore}), not a product's last word
     * ({@code Galaxy Note}, {@code Note 8}).
     */
    private static boolean lastWordStandsAlone(Article a, int first, int last) {
        String surname = a.token(last - 1).text();
        for (int k = 0; k < a.size(); k++) {
            if (k != last - 1 && a.token(k).text().equals(surname)
                    && !(k > 0 && a.adjacent(k - 1) && a.isCapitalisedWord(k - 1))
                    && !(a.adjacent(k) && (a.isCapitalisedWord(k + 1) || a.token(k + 1).kind() == Token.Kind.NUMBER))) {
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

    private static boolean allSyllables(Article a, int first, int last) {
        for (int k = first; k < last; k++) {
            if (a.token(k).kind() != Token.Kind.WORD) {
                return false;
            }
        }
        return true;
    }
}
