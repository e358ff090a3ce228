package newslens.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import newslens.text.WordSegmenter;

/**
 * Words that say nothing about a topic: function words, pronouns, classifiers, reporting verbs,
 * number words ({@value #RESOURCE}), plus anything without two letters (stray initials, symbols).
 * Words are compared lower-cased, syllables joined by one space, as {@link WordSegmenter} makes them.
 */
public final class StopWords implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String RESOURCE = "newslens/topics/stopwords.txt";

    private final Set<String> words;

    public StopWords(Collection<String> words) {
        this.words = Set.copyOf(words.stream().map(WordSegmenter::normalise).distinct().toList());
    }

    public static StopWords standard() {
        return new StopWords(WordSegmenter.readLines(RESOURCE));
    }

    public boolean isStop(String word) {
        return words.contains(word) || word.codePoints().filter(Character::isLetter).count() < 2;
    }

    /** The words of {@code words} that are not stop words, in order. */
    public List<String> content(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String word : words) {
            if (!isStop(word)) {
                out.add(word);
            }
        }
        return out;
    }
}
