package newslens.entities;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import newslens.text.Token;

/**
 * A list of words or short phrases (context words, unit names, surnames) matched on token texts.
 * Matching is case-sensitive, because {@code Anh} (England) is not {@code anh} (brother) and {@code Nam} is
 * not {@code nam} (male); the one exception is a phrase opening a sentence, whose capital says nothing
 * ({@code Ông} = {@code ông}).
 */
final class Lexicon implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<String> phrases;
    private final int maxTokens;

    /** @param entries phrases already split into token texts */
    Lexicon(List<List<String>> entries) {
        this.phrases = entries.stream().map(words -> String.join(" ", words)).collect(Collectors.toUnmodifiableSet());
        this.maxTokens = entries.stream().mapToInt(List::size).max().orElse(0);
    }

    /** Exact membership of one word. */
    boolean contains(String word) {
        return phrases.contains(word);
    }

    /** Membership of one word in any case ({@code Theo} is the common word {@code theo}). */
    boolean containsIgnoringCase(String word) {
        return phrases.contains(word) || phrases.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Token count of the longest phrase starting at {@code start}, 0 when none. */
    int longestStartingAt(Article a, int start) {
        for (int len = Math.min(maxTokens, a.size() - start); len > 0; len--) {
            if (matches(a, start, start + len)) {
                return len;
            }
        }
        return 0;
    }

    /** Token count of the longest phrase ending just before {@code end} (exclusive), 0 when none. */
    int longestEndingAt(Article a, int end) {
        for (int len = Math.min(maxTokens, end); len > 0; len--) {
            if (matches(a, end - len, end)) {
                return len;
            }
        }
        return 0;
    }

    private boolean matches(Article a, int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                key.append(' ');
            }
            key.append(a.token(i).text());
        }
        String phrase = key.toString();
        if (phrases.contains(phrase)) {
            return true;
        }
        Token first = a.token(from);
        if (a.sentenceInitial()[from] && first.isCapitalised()) {
            int firstLength = Character.charCount(phrase.codePointAt(0));
            return phrases.contains(phrase.substring(0, firstLength).toLowerCase(Locale.ROOT)
                    + phrase.substring(firstLength));
        }
        return false;
    }
}
