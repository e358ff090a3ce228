package newslens.entities.rules;

/**
 * Every confidence the rule recogniser gives a mention, in one place, each with the evidence it rests on: the
 * more direct the evidence, the higher. They tell users how far to trust a mention; they never decide which
 * proposal wins (length and rule priority do, see {@link ProposalRule}).
 */
final class Confidence {

    /** A knowledge-base alias that names only one thing and is no common word. */
    static final double KB_UNAMBIGUOUS = 0.95;
    /** A knowledge-base alias that is also a common word or a part of other names ({@code Nga}, {@code Mỹ}). */
    static final double KB_AMBIGUOUS = 0.8;
    /** A country's short form beside another country across a dash: knowledge, but one syllable of it. */
    static final double COUNTRY_IN_PAIR = 0.8;

    /** An organisation head with its name ({@code Bộ Y tế}) or an age-group team ({@code U23 Việt Nam}). */
    static final double ORGANISATION_PATTERN = 0.85;
    /** A unit word with its name ({@code tỉnh Quảng Nam}): the unit word says what the name is. */
    static final double UNIT_AND_NAME = 0.85;
    /** A name listed after a unit word's name, the unit said once for the list ({@code các huyện A, B}). */
    static final double PLACE_LISTED_AFTER_UNIT = 0.7;
    /** {@code người}/{@code tiếng} and a name: a people or a language, though the name may be a place too. */
    static final double GROUP_AND_NAME = 0.8;

    /** A capitalised run right after a person title ({@code ông}, {@code HLV}): the title says who. */
    static final double PERSON_AFTER_TITLE = 0.9;
    /** A Vietnamese surname and one to three more syllables: most such runs are people. */
    static final double PERSON_WITH_SURNAME = 0.8;
    /** A run holding a foreign organisation word ({@code FC}, {@code News}). */
    static final double ORGANISATION_WORD_IN_RUN = 0.75;
    /** A run opening with a foreign given name ({@code Mark}): only the first word's spelling says person. */
    static final double PERSON_FOREIGN_GIVEN_NAME = 0.7;
    /**
     * Foreign words only ({@code Julianne Moore}) whose last word the article also uses alone, or followed by a
     * speaking verb: how people are written, though a brand may be too.
     */
    static final double PERSON_FOREIGN_RUN = 0.65;
    /** A run qualified by a country or province after it ({@code Manulife Việt Nam}). */
    static final double ORGANISATION_OF_PLACE = 0.7;
    /** One word with inner capitals ({@code TPBank}): a brand's shape, but products are written so too. */
    static final double ORGANISATION_CAMEL_CASE = 0.6;
    /** A run after a location cue ({@code tại}): only the cue says it is a place. */
    static final double LOCATION_AFTER_CUE = 0.6;
    /** An acronym followed by its country or province ({@code BHXH Việt Nam}). */
    static final double ACRONYM_OF_PLACE = 0.8;
    /** A bare acronym: often an organisation, often a common noun shortened ({@code DN} = firms). */
    static final double ACRONYM_ALONE = 0.55;
    /** A lone foreign word followed by a speaking verb ({@code Spencer nói}). */
    static final double PERSON_SPEAKING = 0.45;
    /** Vietnamese given-name syllables with no surname ({@code Minh Chiến}): as often a place or a word. */
    static final double PERSON_GIVEN_NAMES_ONLY = 0.4;
    /** Nothing but capitals; kept only if the article gives the name evidence elsewhere. */
    static final double CAPITALS_ONLY = 0.4;

    /** A name with only its shape or capitals listed with people ({@code Cabaye, Lee và Townsend}). */
    static final double PERSON_IN_LIST = 0.55;
    /** Lowest confidence of a short person mention linked to the longer name it ends ({@code ông Lavrov}). */
    static final double PERSON_TAIL_LINK = 0.75;
    /** A weak mention given the type its name has elsewhere in the article, or defined in brackets after one. */
    static final double SAME_NAME_IN_ARTICLE = 0.7;
    /** Factor on a province or city read as its club in a match report: the reading rests on the topic only. */
    static final double CLUB_READING_FACTOR = 0.9;
    /** An office title resolved to its foreign holder on the publication date ({@code Tổng thống Nga}). */
    static final double ROLE_HOLDER = 0.75;
    /** A domestic office title ({@code Thủ tướng}) resolved to its holder: whose office it is, is inferred. */
    static final double DOMESTIC_ROLE_HOLDER = 0.6;

    private Confidence() {
    }
}
