package newslens.entities.kb;

import newslens.text.TokenTrie;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import newslens.text.Token;
import newslens.text.Tokenizer;
import newslens.text.WordSegmenter;

/**
 * Everything the recogniser knows: entities with their aliases, roles with their holders, and the word lists
 * that give context (surnames, titles, unit names, organisation heads). Loaded from the JSON and text files
 * under {@code newslens/kb/} plus optional user JSON files of the same shape ({@link KbFile}); a user entry
 * with an existing id replaces the shipped one.
 */
public final class KnowledgeBase implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String RESOURCE_DIR = "newslens/kb/";
    private static final List<String> ENTITY_FILES = List.of(
            "countries.json", "places.json", "vn_provinces.json", "organisations.json", "media_and_clubs.json",
            "companies.json", "religions.json",
            "misc.json",
            "people.json", "roles.json");

    private final Map<String, KbEntity> entities;
    private final List<KbRole> roles;
    private final Tokenizer tokenizer;
    private final TokenTrie<AliasEntry> aliasTrie = new TokenTrie<>();
    /** Aliases of two or more tokens keyed by their first token and the lower case of the others. */
    private final TokenTrie<AliasEntry> laterWordsFoldedTrie = new TokenTrie<>();
    private final TokenTrie<Integer> roleTrie = new TokenTrie<>();
    private final Lexicons lexicons;
    /** A country's one-syllable short form ({@code Trung}) → the country's id, from {@code country_pair_forms.txt}. */
    private final Map<String, String> countryPairForms;

    /** What an alias points to; {@code ambiguous} aliases need context (see {@link KbEntity#ambiguousAliases()}). */
    public record AliasEntry(String entityId, boolean ambiguous) implements Serializable {
    }

    /** The word lists, each from {@code newslens/kb/<name>.txt}; {@code words} is the word segmenter's lexicon. */
    public record Lexicons(Lexicon surnames, Lexicon personTitles, Lexicon locationUnits, Lexicon locationCues,
                    Lexicon orgHeads, Lexicon groupHeads, Lexicon commonWords, Lexicon functionWords,
                    Lexicon roleBlockers, Lexicon nameSyllables, Lexicon foreignNameStarts,
                    Lexicon sportsWords, Lexicon orgDescriptors, Lexicon capitalisedNouns,
                    Lexicon foreignOrgWords, Lexicon schoolLevels, Lexicon personVerbs,
                    Lexicon commonCompounds, Lexicon localHeads, Lexicon countryWordCompounds,
                    Lexicon placePrepositions, Lexicon thingHeads, Lexicon landmarkHeads,
                    Lexicon orgNameWords, Lexicon schoolGrades, Lexicon nameParticles, Lexicon words)
            implements Serializable {
    }

    private KnowledgeBase(Collection<KbEntity> entities, List<KbRole> roles, Tokenizer tokenizer, Lexicons lexicons) {
        Map<String, KbEntity> byId = new LinkedHashMap<>();
        entities.forEach(e -> byId.put(e.id(), e));
        this.entities = Map.copyOf(byId);
        this.roles = List.copyOf(roles);
        this.tokenizer = tokenizer;
        this.lexicons = lexicons;
        byId.values().forEach(this::index);
        this.countryPairForms = countryPairForms(tokenizer);
        for (int i = 0; i < this.roles.size(); i++) {
            KbRole role = this.roles.get(i);
            List<String> forms = new ArrayList<>(role.aliases());
            forms.add(role.name());
            for (String form : forms) {
                for (String spelling : NameVariants.spellings(form)) {
                    roleTrie.put(tokenTexts(spelling), i);
                }
            }
        }
    }

    /** The shipped knowledge base. */
    public static KnowledgeBase load() {
        return load(List.of());
    }

    /** The shipped knowledge base extended (or overridden by id) with the given user JSON files. */
    public static KnowledgeBase load(List<Path> userFiles) {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Tokenizer tokenizer = Tokenizer.standard();
        Map<String, KbEntity> entities = new LinkedHashMap<>();
        List<KbRole> roles = new ArrayList<>();
        try {
            for (String file : ENTITY_FILES) {
                try (InputStream in = openResource(file)) {
                    addFile(mapper.readValue(in, KbFile.class), entities, roles);
                }
            }
            for (Path path : userFiles) {
                addFile(mapper.readValue(Files.readAllBytes(path), KbFile.class), entities, roles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Lexicons lexicons = new Lexicons(lexicon("surnames", tokenizer), lexicon("person_titles", tokenizer),
                lexicon("location_units", tokenizer), lexicon("location_cues", tokenizer),
                lexicon("org_heads", tokenizer), lexicon("group_heads", tokenizer),
                lexicon("common_words", tokenizer), lexicon("function_words", tokenizer),
                lexicon("role_blockers", tokenizer), lexicon("name_syllables", tokenizer),
                lexicon("foreign_name_starts", tokenizer), lexicon("sports_words", tokenizer),
                lexicon("org_descriptors", tokenizer), lexicon("capitalised_nouns", tokenizer),
                lexicon("foreign_org_words", tokenizer), lexicon("school_levels", tokenizer),
                lexicon("person_verbs", tokenizer), lexicon("common_compounds", tokenizer),
                lexicon("local_heads", tokenizer), lexicon("country_word_compounds", tokenizer),
                lexicon("place_prepositions", tokenizer), lexicon("thing_heads", tokenizer),
                lexicon("landmark_heads", tokenizer), lexicon("org_name_words", tokenizer),
                lexicon("school_grades", tokenizer), lexicon("name_particles", tokenizer),
                lexiconAt(WordSegmenter.LEXICON_RESOURCE, tokenizer));
        return new KnowledgeBase(entities.values(), roles, tokenizer, lexicons);
    }

    /**
     * The country whose one-syllable short form {@code word} is ({@code Trung}: China), for a dash between two
     * countries ({@code Mỹ - Trung}); empty when it is none.
     */
    public Optional<String> countryOfPairForm(String word) {
        return Optional.ofNullable(countryPairForms.get(word));
    }

    /** The short forms file, each country named as an alias of exactly one country of the knowledge base. */
    private Map<String, String> countryPairForms(Tokenizer tokenizer) {
        Map<String, String> forms = new HashMap<>();
        String resource = RESOURCE_DIR + "country_pair_forms.txt";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(openClassPath(resource),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                String[] sides = entry.split("\\s*=\\s*");
                List<Token> country = sides.length == 2 ? tokenizer.tokenize(sides[1]) : List.of();
                TokenTrie.Match<AliasEntry> match = country.isEmpty() ? null : aliasTrie.longestAt(country, 0);
                KbEntity named = match == null || match.end() != country.size() ? null
                        : entities.get(match.values().get(0).entityId());
                if (named == null || !"country".equals(named.kind())) {
                    throw new IllegalStateException(resource + ": \"" + entry
                            + "\" is not 'short form = a country of countries.json'");
                }
                forms.put(sides[0], named.id());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(forms);
    }

    public Optional<KbEntity> entity(String id) {
        return Optional.ofNullable(entities.get(id));
    }

    public Collection<KbEntity> entities() {
        return entities.values();
    }

    public List<KbRole> roles() {
        return roles;
    }

    /** Who held {@code role} on {@code date}, if anyone the knowledge base knows. */
    public Optional<String> holderOn(KbRole role, LocalDate date) {
        for (KbRole.Holder holder : role.holders()) {
            LocalDate from = LocalDate.parse(holder.from());
            boolean ended = holder.to() != null && !date.isBefore(LocalDate.parse(holder.to()));
            if (!date.isBefore(from) && !ended) {
                return Optional.of(holder.id());
            }
        }
        return Optional.empty();
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public Lexicons lexicons() {
        return lexicons;
    }

    /**
     * The longest alias at {@code start}. A name of two or more words also matches with its later words in
     * another case ({@code Tổ chức Y tế thế giới}, {@code Hà nội}): the press writes them either way, and the
     * first word, capitalised as listed, still says it is the name.
     */
    public TokenTrie.Match<AliasEntry> aliasAt(List<Token> tokens, int start) {
        TokenTrie.Match<AliasEntry> exact = aliasTrie.longestAt(tokens, start);
        TokenTrie.Match<AliasEntry> folded = laterWordsFoldedTrie.longestAt(start, tokens.size(),
                i -> i == start ? tokens.get(i).text() : tokens.get(i).text().toLowerCase(Locale.ROOT));
        return folded != null && (exact == null || folded.end() > exact.end()) ? folded : exact;
    }

    public TokenTrie.Match<Integer> roleAt(List<Token> tokens, int start) {
        return roleTrie.longestAt(tokens, start);
    }

    private void index(KbEntity entity) {
        List<String> forms = new ArrayList<>();
        forms.add(entity.name());
        forms.addAll(entity.aliases());
        if ("western".equals(entity.nameOrder())) {
            forms.addAll(NameVariants.westernShortForms(entity.name()));
        }
        for (String form : forms) {
            if (entity.ambiguousAliases().contains(form)) {
                continue;
            }
            for (String spelling : NameVariants.spellings(form)) {
                putAlias(tokenTexts(spelling), new AliasEntry(entity.id(), false));
            }
        }
        for (String form : entity.ambiguousAliases()) {
            for (String spelling : NameVariants.spellings(form)) {
                putAlias(tokenTexts(spelling), new AliasEntry(entity.id(), true));
            }
        }
    }

    private void putAlias(List<String> tokens, AliasEntry entry) {
        aliasTrie.put(tokens, entry);
        if (tokens.size() > 1) {
            List<String> folded = new ArrayList<>(tokens.size());
            folded.add(tokens.get(0));
            tokens.subList(1, tokens.size()).forEach(t -> folded.add(t.toLowerCase(Locale.ROOT)));
            laterWordsFoldedTrie.put(folded, entry);
        }
    }

    private List<String> tokenTexts(String phrase) {
        return tokenizer.tokenize(phrase).stream().map(Token::text).toList();
    }

    private static void addFile(KbFile file, Map<String, KbEntity> entities, List<KbRole> roles) {
        for (KbEntity entity : file.entities()) {
            KbEntity complete = entity.withDefaults(file.type(), file.kind(), file.country());
            entities.put(complete.id(), complete);
        }
        roles.addAll(file.roles());
    }

    private static Lexicon lexicon(String name, Tokenizer tokenizer) {
        return lexiconAt(RESOURCE_DIR + name + ".txt", tokenizer);
    }

    /** A word list on the class path, one entry a line, {@code #} comments. */
    private static Lexicon lexiconAt(String resource, Tokenizer tokenizer) {
        List<List<String>> entries = new ArrayList<>();
        try (InputStream in = openClassPath(resource)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                for (String spelling : NameVariants.spellings(entry)) {
                    entries.add(tokenizer.tokenize(spelling).stream().map(Token::text).toList());
                    // GS. and TS. are one token each (a listed abbreviation keeps its dot): the same word.
                    List<Token> dotted = tokenizer.tokenize(spelling + ".");
                    if (dotted.size() == 1 && dotted.get(0).kind() == Token.Kind.ABBREVIATION) {
                        entries.add(List.of(dotted.get(0).text()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lexicon(entries);
    }

    private static InputStream openResource(String file) {
        return openClassPath(RESOURCE_DIR + file);
    }

    private static InputStream openClassPath(String resource) {
        InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        return in;
    }
}
