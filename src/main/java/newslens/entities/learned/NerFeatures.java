package newslens.entities.learned;

import newslens.entities.Article;
import newslens.entities.rules.EntityRecognizer;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.Mention;
import newslens.entities.eval.NerEvaluator;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import newslens.text.SentenceSplitter;
import newslens.text.TextNormalizer;
import newslens.text.Token;
import newslens.text.Tokenizer;

/**
 * Turns an article into what the learned recogniser reads: sentences of the project's own syllable tokens, each
 * token with a feature tag for Spark NLP's part-of-speech column and, for annotated articles, its gold label.
 *
 * <p>The feature tag is the token's shape and the BIO tag the rules and knowledge base gave it:
 * {@code Cap|B-PER}, {@code Cap^|O} (opens the sentence), {@code Cap~|O} (the article also writes it in lower
 * case), {@code low|O}, {@code Abbr|B-LOC}. No Vietnamese part-of-speech tagger can
 * be trained from the data at hand (the gold has entities, not parts of speech), and the column is where the CRF
 * looks at tag pairs of neighbouring tokens; filling it with the rules' decisions lets the model learn where the
 * rules are right and what they miss, which is what lets it beat them. Knowledge-base membership reaches the model
 * this way (an alias the rules accepted is a {@code B-}/{@code I-} tag).
 *
 * <p>The label is the BIO tag of the outermost gold span the token is in. Inside-outside labels (five instead of
 * nine) trained in 60% of the time but scored 0.8 points of F1 lower on ner-dev's held-out fifth.
 */
final class NerFeatures implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String OUTSIDE = "O";

    /** What {@link #prepare} gives for one article. */
    record Prepared(List<Mention> ruleMentions, List<NerSentence> sentences) implements Serializable {
    }

    private final EntityRecognizer rules;
    private final Tokenizer tokenizer;

    NerFeatures(KnowledgeBase kb) {
        this.rules = new EntityRecognizer(kb);
        this.tokenizer = kb.tokenizer();
    }

    /** An article to tag: the rules' mentions (office titles included when a date is given) and its sentences. */
    Prepared prepare(String text, LocalDate publicationDate) {
        Article article = rules.read(text);
        List<Mention> mentions = rules.recognize(article, publicationDate);
        return new Prepared(mentions, sentences(article, mentions, null));
    }

    /** An annotated article: its sentences with gold labels from the outermost spans {@code gold}. */
    List<NerSentence> labelled(String text, List<NerEvaluator.Span> gold) {
        Article article = rules.read(text);
        return sentences(article, rules.recognize(article, null), gold);
    }

    /** The lower-cased tokens of an unlabelled text (normalised as the ingest does), to learn word vectors from. */
    List<String> words(String rawText) {
        return tokenizer.tokenize(TextNormalizer.normalize(rawText)).stream()
                .map(t -> t.text().toLowerCase(Locale.ROOT))
                .toList();
    }

    private List<NerSentence> sentences(Article article, List<Mention> mentions, List<NerEvaluator.Span> gold) {
        List<Token> tokens = article.tokens();
        List<NerEvaluator.Span> ruleSpans = mentions.stream()
                .filter(m -> !Mention.KB_ROLE.equals(m.method()))
                .map(m -> new NerEvaluator.Span(m.start(), m.end(), m.entityType()))
                .toList();
        String[] ruleTags = bio(tokens, ruleSpans);
        String[] labels = gold == null ? null : bio(tokens, gold);
        List<NerSentence> result = new ArrayList<>();
        int t = 0;
        List<SentenceSplitter.Sentence> sentences = article.sentences();
        for (int s = 0; s < sentences.size(); s++) {
            SentenceSplitter.Sentence sentence = sentences.get(s);
            List<NerToken> sentenceTokens = new ArrayList<>();
            for (; t < tokens.size() && tokens.get(t).start() < sentence.end(); t++) {
                boolean first = sentenceTokens.isEmpty();
                Token token = tokens.get(t);
                String ruleTag = first ? opening(ruleTags[t]) : ruleTags[t];
                String feature = shape(token, first, article.lowerCaseWords()) + "|" + ruleTag;
                String label = labels == null ? null : labels[t];
                sentenceTokens.add(new NerToken(token.start(), token.end(), token.text(), feature, label));
            }
            if (!sentenceTokens.isEmpty()) {
                result.add(new NerSentence(s, sentence.start(), sentence.end(), sentenceTokens));
            }
        }
        return result;
    }

    /**
     * The token's {@link #shape}, marked where its capital says less than usual: {@code ^} when it opens the
     * sentence, {@code ~} when the article also writes the word in lower case ({@code Chung} and {@code chung}),
     * as a common word capitalised by position or style.
     */
    static String shape(Token token, boolean opensSentence, Set<String> lowerCaseWords) {
        String shape = shape(token);
        if (!shape.startsWith("Cap")) {
            return shape;
        }
        String marked = opensSentence ? shape + "^" : shape;
        return lowerCaseWords.contains(token.text().toLowerCase(Locale.ROOT)) ? marked + "~" : marked;
    }

    /**
     * The shape of a token: {@code Cap} (capital initial), {@code Caps} (all capitals), {@code low}, {@code Mix}
     * ({@code iPhone}, {@code McCain}), {@code Abbr} ({@code TP.HCM}), {@code Num}, {@code Punct}.
     */
    static String shape(Token token) {
        return switch (token.kind()) {
            case NUMBER -> "Num";
            case PUNCT -> "Punct";
            case ABBREVIATION -> "Abbr";
            case WORD -> wordShape(token.text());
        };
    }

    private static String wordShape(String word) {
        boolean upperAfterFirst = word.codePoints().skip(1).anyMatch(Character::isUpperCase);
        boolean anyLower = word.codePoints().anyMatch(Character::isLowerCase);
        if (!Character.isUpperCase(word.codePointAt(0))) {
            return upperAfterFirst ? "Mix" : "low";
        }
        if (!upperAfterFirst) {
            return "Cap";
        }
        return anyLower ? "Mix" : "Caps";
    }

    /**
     * BIO tags of {@code tokens} for {@code spans}: a token overlapping a span is inside it; the first such token
     * begins it. Where spans overlap, the earlier (then the longer) one wins.
     */
    static String[] bio(List<Token> tokens, List<NerEvaluator.Span> spans) {
        String[] tags = new String[tokens.size()];
        Arrays.fill(tags, OUTSIDE);
        List<NerEvaluator.Span> ordered = spans.stream()
                .sorted(Comparator.comparingInt(NerEvaluator.Span::start)
                        .thenComparing(Comparator.comparingInt(NerEvaluator.Span::end).reversed()))
                .toList();
        int first = 0;
        for (NerEvaluator.Span span : ordered) {
            while (first < tokens.size() && tokens.get(first).end() <= span.start()) {
                first++;
            }
            int t = first;
            if (t < tokens.size() && !OUTSIDE.equals(tags[t])) {
                continue;
            }
            for (; t < tokens.size() && tokens.get(t).start() < span.end(); t++) {
                tags[t] = (t == first ? "B-" : "I-") + span.type();
            }
        }
        return tags;
    }

    /** The type a BIO tag is part of ({@code B-PER} → {@code PER}), or {@code O}. */
    static String entityType(String bioTag) {
        return bioTag.startsWith("B-") || bioTag.startsWith("I-") ? bioTag.substring(2) : bioTag;
    }

    /** A sentence never opens inside a span: its first token's {@code I-X} becomes {@code B-X}. */
    private static String opening(String tag) {
        return tag.startsWith("I-") ? "B-" + tag.substring(2) : tag;
    }
}
