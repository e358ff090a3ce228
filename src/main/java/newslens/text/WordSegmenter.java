package newslens.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Vietnamese word segmentation by maximum matching: text is cut into phrases (runs of lower-cased
 * syllables between punctuation, numbers and line ends), and each phrase is covered by the fewest known
 * words, a syllable standing alone where no word covers it. Among coverings with as few words, the one
 * whose first word is longest wins, then the same for the rest ({@code học sinh học}: {@code học_sinh học}).
 * Greedy longest match, its predecessor, let a first word take the first syllable of a longer next word
 * ({@code người dân tộc thiểu số}: {@code người_dân tộc thiểu_số}); counting words gives
 * {@code người dân_tộc_thiểu_số}.
 *
 * <p>The known words are multi-syllable strings with single spaces ({@code "tổng thống"}): the
 * shipped lexicon ({@value #LEXICON_RESOURCE}) plus, in the topics stage, its phrases and the collocations
 * learned from the corpus. {@code jobs/newslens segment} and {@code eval-segment} run it alone.
 */
public final class WordSegmenter implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String LEXICON_RESOURCE = "newslens/text/words.txt";
    /** Longest word considered, in syllables: longer Vietnamese words are rare and mostly names. */
    public static final int MAX_WORD_SYLLABLES = 4;

    private final Tokenizer tokenizer;
    private final Set<String> words;

    public WordSegmenter(Tokenizer tokenizer, Collection<String> words) {
        this.tokenizer = tokenizer;
        Set<String> normalised = new HashSet<>();
        for (String word : words) {
            String syllables = normalise(word);
            if (syllables.indexOf(' ') > 0 && syllableCount(syllables) <= MAX_WORD_SYLLABLES) {
                normalised.add(syllables);
            }
        }
        this.words = Set.copyOf(normalised);
    }

    /** A segmenter knowing the shipped lexicon only. */
    public static WordSegmenter withLexicon() {
        return new WordSegmenter(Tokenizer.standard(), loadLexicon());
    }

    /** This segmenter's words plus {@code more}. */
    public WordSegmenter plus(Collection<String> more) {
        List<String> all = new ArrayList<>(words);
        all.addAll(more);
        return new WordSegmenter(tokenizer, all);
    }

    public Set<String> words() {
        return words;
    }

    /** The phrases of {@code text}: lower-cased syllables, cut at punctuation, numbers and line ends. */
    public List<List<String>> phrases(String text) {
        List<List<String>> phrases = new ArrayList<>();
        walk(text, phrase -> phrases.add(syllables(phrase)), other -> { });
        return phrases;
    }

    /** A word of a text: its tokens' span {@code [start, end)} in characters and how many syllables it has. */
    public record Word(int start, int end, int syllables) {
    }

    /**
     * Every token of {@code text} in a word, in order: a run of syllables covered as {@link #segment} covers
     * a phrase, and each other token (punctuation, a number, a symbol) a word of its own.
     */
    public List<Word> segmentText(String text) {
        List<Word> words = new ArrayList<>();
        walk(text, phrase -> {
            int i = 0;
            for (int length : lengths(syllables(phrase))) {
                words.add(new Word(phrase.get(i).start(), phrase.get(i + length - 1).end(), length));
                i += length;
            }
        }, other -> words.add(new Word(other.start(), other.end(), 1)));
        return words;
    }

    /**
     * The tokens of {@code text} in order: each phrase (a run of word-like tokens with no line end inside)
     * to {@code phrase}, each other token to {@code other}.
     */
    private void walk(String text, Consumer<List<Token>> phrase, Consumer<Token> other) {
        List<Token> current = new ArrayList<>();
        for (Token token : tokenizer.tokenize(text)) {
            boolean lineEnd = !current.isEmpty()
                    && text.substring(current.get(current.size() - 1).end(), token.start()).indexOf('\n') >= 0;
            if (!current.isEmpty() && (!token.isWordLike() || lineEnd)) {
                phrase.accept(current);
                current = new ArrayList<>();
            }
            if (token.isWordLike()) {
                current.add(token);
            } else {
                other.accept(token);
            }
        }
        if (!current.isEmpty()) {
            phrase.accept(current);
        }
    }

    private static List<String> syllables(List<Token> phrase) {
        List<String> syllables = new ArrayList<>(phrase.size());
        for (Token token : phrase) {
            syllables.add(token.text().toLowerCase(Locale.ROOT));
        }
        return syllables;
    }

    /** One phrase covered by words, each a space-joined run of its syllables. */
    public List<String> segment(List<String> syllables) {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (int length : lengths(syllables)) {
            out.add(String.join(" ", syllables.subList(i, i + length)));
            i += length;
        }
        return out;
    }

    /**
     * The syllable counts of the words covering {@code syllables}: fewest words, then the longest first word.
     * Dynamic programming from the end: {@code words[i]} is the fewest words covering syllables {@code i..}.
     */
    private int[] lengths(List<String> syllables) {
        int n = syllables.size();
        int[] words = new int[n + 1];
        int[] firstLength = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            words[i] = Integer.MAX_VALUE;
            // Longest first, replaced only by strictly fewer words: a tie keeps the longer first word.
            for (int length = Math.min(MAX_WORD_SYLLABLES, n - i); length >= 1; length--) {
                if (words[i + length] + 1 < words[i] && (length == 1 || isWord(syllables, i, length))) {
                    words[i] = words[i + length] + 1;
                    firstLength[i] = length;
                }
            }
        }
        int[] lengths = new int[words[0]];
        for (int i = 0, w = 0; i < n; i += firstLength[i]) {
            lengths[w++] = firstLength[i];
        }
        return lengths;
    }

    /** The words of every phrase of {@code text}, phrase by phrase. */
    public List<List<String>> segmentPhrases(String text) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> phrase : phrases(text)) {
            out.add(segment(phrase));
        }
        return out;
    }

    /** The words of {@code text}, in order. */
    public List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (List<String> phrase : phrases(text)) {
            out.addAll(segment(phrase));
        }
        return out;
    }

    private boolean isWord(List<String> syllables, int start, int length) {
        return words.contains(String.join(" ", syllables.subList(start, start + length)));
    }

    public static int syllableCount(String word) {
        return word.split(" ", -1).length;
    }

    public static String normalise(String word) {
        return String.join(" ", word.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }

    /** Non-blank lines of a resource, {@code #} starting a comment. */
    public static List<String> readLines(String resource) {
        InputStream in = WordSegmenter.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!content.isEmpty()) {
                    lines.add(content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
        return lines;
    }

    private static List<String> loadLexicon() {
        return readLines(LEXICON_RESOURCE);
    }
}
