package newslens.topics;

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
import newslens.text.Token;
import newslens.text.Tokenizer;

/**
 * Vietnamese word segmentation by longest match: text is cut into phrases (runs of lower-cased
 * syllables between punctuation and numbers), and each phrase is covered left to right by the
 * longest known word starting at each syllable, a single syllable when none is known.
 *
 * <p>The known words are multi-syllable strings with single spaces ({@code "tổng thống"}): the
 * shipped lexicon ({@value #LEXICON_RESOURCE}) plus the collocations learned from the corpus.
 */
public final class WordSegmenter implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String LEXICON_RESOURCE = "newslens/topics/lexicon.txt";
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
        List<String> current = new ArrayList<>();
        for (Token token : tokenizer.tokenize(text)) {
            if (token.isWordLike()) {
                current.add(token.text().toLowerCase(Locale.ROOT));
            } else if (!current.isEmpty()) {
                phrases.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            phrases.add(current);
        }
        return phrases;
    }

    /** One phrase covered by words, each a space-joined run of its syllables. */
    public List<String> segment(List<String> syllables) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < syllables.size()) {
            int length = longestWordAt(syllables, i);
            out.add(String.join(" ", syllables.subList(i, i + length)));
            i += length;
        }
        return out;
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

    private int longestWordAt(List<String> syllables, int start) {
        int longest = Math.min(MAX_WORD_SYLLABLES, syllables.size() - start);
        for (int length = longest; length > 1; length--) {
            if (words.contains(String.join(" ", syllables.subList(start, start + length)))) {
                return length;
            }
        }
        return 1;
    }

    static int syllableCount(String word) {
        return word.split(" ", -1).length;
    }

    static String normalise(String word) {
        return String.join(" ", word.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }

    /** Non-blank lines of a resource, {@code #} starting a comment. */
    static List<String> readLines(String resource) {
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

    static List<String> loadLexicon() {
        return readLines(LEXICON_RESOURCE);
    }
}
