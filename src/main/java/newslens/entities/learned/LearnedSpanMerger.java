package newslens.entities.learned;

import newslens.entities.Article;
import newslens.entities.EntityIds;
import newslens.entities.EntityType;
import newslens.entities.kb.KbEntity;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.Mention;
import newslens.entities.eval.NerEvaluator;
import newslens.text.TokenTrie;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newslens.text.SentenceSplitter;
import newslens.text.Token;

/**
 * Merges what the learned model found in one article with the mentions of the rules and knowledge base. The model
 * saw the rules' tags as features, so its spans decide; the rules give links and office titles.
 *
 * <ul>
 *   <li>A learned span with the same offsets and type as a rule mention is that mention: it keeps its link and
 *       method ({@code kb}, {@code pattern}, {@code coref}).</li>
 *   <li>A learned span with the offsets of a knowledge-base mention but another type is that mention too: the
 *       knowledge base knows what the entity is ({@code VN} is the country, even where the model read a team);
 *       the model decides where names are, not what a known name is.</li>
 *   <li>Any other learned span is a mention of its own. It links to the knowledge-base entity of its type whose
 *       alias it is ({@code learned_kb}); a person named by the last syllables of a longer person name the model
 *       found in the article takes that person's id; any other name gets an id derived from it ({@code learned}).
 *   </li>
 *   <li>Rule mentions the model did not tag are dropped, except office titles resolved to their holders
 *       ({@code kb_role}), which the model does not see. Measured on ner-dev's held-out fifth, the rule mentions
 *       the model overrode or left untagged were mostly wrong (README, "Trainable NER").</li>
 *   <li>One sense per article: where a name found so far, or the last one or two syllables of a person's name,
 *       occurs again bare (not inside a longer run of capitalised words) and untagged, it is a mention of the same
 *       entity there too, with the method of the mention it repeats, or {@code coref} for a person's short form.
 *   </li>
 * </ul>
 */
final class LearnedSpanMerger implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String LEARNED = "learned";
    static final String LEARNED_KB = "learned_kb";
    private static final double LEARNED_CONFIDENCE = 0.6;
    private static final double LEARNED_KB_CONFIDENCE = 0.8;
    private static final double SHORT_FORM_CONFIDENCE = 0.7;
    private static final int MAX_TAIL_SYLLABLES = 3;
    private static final int MAX_REPEATED_TAIL_SYLLABLES = 2;

    private final KnowledgeBase kb;
    private final SentenceSplitter splitter;

    LearnedSpanMerger(KnowledgeBase kb) {
        this.kb = kb;
        this.splitter = new SentenceSplitter(kb.tokenizer());
    }

    /** The article's mentions, ordered by start offset; only {@code kb_role} mentions may overlap others. */
    List<Mention> merge(String text, List<Mention> ruleMentions, List<LearnedSpan> learned) {
        List<Mention> merged = new ArrayList<>(ruleMentions.stream()
                .filter(m -> Mention.KB_ROLE.equals(m.method()))
                .toList());
        Map<NerEvaluator.Span, Mention> rulesBySpan = new HashMap<>();
        Map<List<Integer>, Mention> knownByOffsets = new HashMap<>();
        for (Mention m : ruleMentions) {
            if (!Mention.KB_ROLE.equals(m.method())) {
                rulesBySpan.putIfAbsent(new NerEvaluator.Span(m.start(), m.end(), m.entityType()), m);
            }
            if (Mention.KB.equals(m.method())) {
                knownByOffsets.putIfAbsent(List.of(m.start(), m.end()), m);
            }
        }
        List<Mention> found = new ArrayList<>();
        for (LearnedSpan span : learned) {
            Mention same = rulesBySpan.get(new NerEvaluator.Span(span.start(), span.end(), span.type().name()));
            if (same == null) {
                same = knownByOffsets.get(List.of(span.start(), span.end()));
            }
            found.add(same != null ? same : linked(text, span));
        }
        found = withPersonTailsLinked(found);
        merged.addAll(found);
        merged.addAll(repeats(text, found));
        merged.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return merged;
    }

    /** A learned span linked to the knowledge-base entity of its type it is an alias of, or given a derived id. */
    private Mention linked(String text, LearnedSpan span) {
        String surface = text.substring(span.start(), span.end());
        List<Token> tokens = kb.tokenizer().tokenize(surface);
        TokenTrie.Match<KnowledgeBase.AliasEntry> alias = kb.aliasAt(tokens, 0);
        if (alias != null && alias.end() == tokens.size()) {
            for (KnowledgeBase.AliasEntry entry : alias.values()) {
                Optional<KbEntity> entity = kb.entity(entry.entityId()).filter(e -> e.type() == span.type());
                if (entity.isPresent()) {
                    return new Mention(span.sentence(), span.start(), span.end(), surface, entity.get().id(),
                            span.type().name(), LEARNED_KB, LEARNED_KB_CONFIDENCE, entity.get().name());
                }
            }
        }
        return new Mention(span.sentence(), span.start(), span.end(), surface,
                EntityIds.fromName(span.type(), surface), span.type().name(), LEARNED, LEARNED_CONFIDENCE, surface);
    }

    /**
     * {@code Đình Bảo} after {@code Dương Đình Bảo}: a learned person name that is the last one to three syllables
     * of a longer person name in the article is that person (the first such name in the article wins).
     */
    private static List<Mention> withPersonTailsLinked(List<Mention> found) {
        Map<String, Mention> byTail = new LinkedHashMap<>();
        for (Mention m : found) {
            String[] syllables = m.surface().split(" ");
            if (!isPerson(m) || syllables.length < 2) {
                continue;
            }
            for (int tail = 1; tail < syllables.length && tail <= MAX_TAIL_SYLLABLES; tail++) {
                byTail.putIfAbsent(String.join(" ", List.of(syllables).subList(syllables.length - tail,
                        syllables.length)), m);
            }
        }
        List<Mention> result = new ArrayList<>(found.size());
        for (Mention m : found) {
            Mention full = byTail.get(m.surface());
            boolean shortForm = LEARNED.equals(m.method()) && isPerson(m) && full != null;
            result.add(shortForm ? new Mention(m.sentence(), m.start(), m.end(), m.surface(), full.entityId(),
                    m.entityType(), m.method(), m.confidence(), full.canonicalName()) : m);
        }
        return result;
    }

    /** Bare untagged repeats of the names in {@code found} and of people's short forms (see the class comment). */
    private List<Mention> repeats(String text, List<Mention> found) {
        Article article = Article.read(text, kb.tokenizer(), splitter);
        List<Token> tokens = article.tokens();
        boolean[] tagged = new boolean[tokens.size()];
        Map<String, List<Repeatable>> byFirstWord = new LinkedHashMap<>();
        for (Mention m : found) {
            for (int t = firstTokenEndingAfter(tokens, m.start()); t < tokens.size() && tokens.get(t).start() < m.end();
                 t++) {
                tagged[t] = true;
            }
            List<String> words = kb.tokenizer().tokenize(m.surface()).stream().map(Token::text).toList();
            addRepeatable(byFirstWord, new Repeatable(words, m, m.method(), m.confidence()));
            for (int tail = 1; isPerson(m) && tail < words.size() && tail <= MAX_REPEATED_TAIL_SYLLABLES; tail++) {
                addRepeatable(byFirstWord, new Repeatable(words.subList(words.size() - tail, words.size()), m,
                        Mention.COREF, SHORT_FORM_CONFIDENCE));
            }
        }
        byFirstWord.values().forEach(list -> list.sort(
                Comparator.comparingInt((Repeatable r) -> r.words().size()).reversed()));
        List<Mention> repeats = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            for (Repeatable r : byFirstWord.getOrDefault(tokens.get(t).text(), List.of())) {
                int end = t + r.words().size();
                if (end > tokens.size() || !r.matches(tokens.subList(t, end)) || anyTagged(tagged, t, end)
                        || capitalisedWord(tokens, t - 1) || capitalisedWord(tokens, end)) {
                    continue;
                }
                int start = tokens.get(t).start();
                int stop = tokens.get(end - 1).end();
                repeats.add(new Mention(article.sentenceOf()[t], start, stop, text.substring(start, stop),
                        r.of().entityId(), r.of().entityType(), r.method(), r.confidence(), r.of().canonicalName()));
                for (int k = t; k < end; k++) {
                    tagged[k] = true;
                }
                break;
            }
        }
        return repeats;
    }

    /** Words that, found again in the article, are another mention of {@code of}. */
    private record Repeatable(List<String> words, Mention of, String method, double confidence) {

        boolean matches(List<Token> tokens) {
            for (int i = 0; i < words.size(); i++) {
                if (!tokens.get(i).text().equals(words.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Only names written with a capital repeat: a lower-case word is too often the common word. */
    private static void addRepeatable(Map<String, List<Repeatable>> byFirstWord, Repeatable repeatable) {
        String first = repeatable.words().isEmpty() ? "" : repeatable.words().get(0);
        if (!first.isEmpty() && Character.isUpperCase(first.codePointAt(0))) {
            byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(repeatable);
        }
    }

    private static boolean isPerson(Mention m) {
        return EntityType.PER.name().equals(m.entityType());
    }

    private static boolean capitalisedWord(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isWordLike() && tokens.get(i).isCapitalised();
    }

    private static boolean anyTagged(boolean[] tagged, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tagged[i]) {
                return true;
            }
        }
        return false;
    }

    private static int firstTokenEndingAfter(List<Token> tokens, int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).end() <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
