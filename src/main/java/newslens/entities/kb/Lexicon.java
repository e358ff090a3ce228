package newslens.entities.kb;

import newslens.entities.Article;
import newslens.text.TokenTrie;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A list of words or short phrases (context words, unit names, surnames) matched on token texts.
 * Matching is case-sensitive, because {@code Anh} (England) is not {@code anh} (brother) and {@code Nam} is
 * not {@code nam} (male); the one exception is a phrase opening a sentence, whose capital says nothing
 * ({@code Ông} = {@code ông}).
 */
public final class Lexicon implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<String> phrases;
    /** The recogniser asks for phrases at nearly every token: a trie walk costs a map look-up per token. */
    private final TokenTrie<Boolean> trie = new TokenTrie<>();

    /** @param entries phrases already split into token texts */
    Lexicon(List<List<String>> entries) {
        this.phrases = entries.stream().map(words -> String.join(" ", words)).collect(Collectors.toUnmodifiableSet());
        entries.forEach(words -> trie.put(words, Boolean.TRUE));
    }

    /** Exact membership of one word. */
    public boolean contains(String word) {
        return phrases.contains(word);
    }

    /** Membership of one word in any case ({@code Theo} is the common word {@code theo}). */
    public boolean containsIgnoringCase(String word) {
        return phrases.contains(word) || phrases.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Token count of the longest phrase starting at {@code start}, 0 when none. */
    public int longestStartingAt(Article a, int start) {
        if (start >= a.size()) {
            return 0;
        }
        int longest = length(trie.longestAt(start, a.size(), textKeys(a)));
        String opener = a.openersInLowerCase()[start];
        if (opener != null) {
            longest = Math.max(longest, length(trie.longestAt(start, a.size(), openerKeys(a, start, opener))));
        }
        return longest;
    }

    /**
     * Token count of the longest phrase starting at {@code start} with that token read in lower case and the
     * others as written, 0 when none: a lower-case word a name capitalises the first syllable of
     * ({@code Cục Sở hữu trí tuệ}: {@code sở hữu}).
     */
    public int longestStartingAtFolded(Article a, int start) {
        if (start >= a.size()) {
            return 0;
        }
        String first = a.token(start).text().toLowerCase(Locale.ROOT);
        return length(trie.longestAt(start, a.size(), i -> i == start ? first : a.token(i).text()));
    }

    /** Token count of the longest phrase ending just before {@code end} (exclusive), 0 when none. */
    public int longestEndingAt(Article a, int end) {
        for (int from = Math.max(0, end - trie.longestKeyTokens()); from < end; from++) {
            String opener = a.openersInLowerCase()[from];
            if (trie.exactly(from, end, textKeys(a)) != null
                    || (opener != null && trie.exactly(from, end, openerKeys(a, from, opener)) != null)) {
                return end - from;
            }
        }
        return 0;
    }

    private static IntFunction<String> textKeys(Article a) {
        return i -> a.token(i).text();
    }

    /** The tokens' texts with the sentence opener at {@code start} in lower case. */
    private static IntFunction<String> openerKeys(Article a, int start, String opener) {
        return i -> i == start ? opener : a.token(i).text();
    }

    private static int length(TokenTrie.Match<?> match) {
        return match == null ? 0 : match.end() - match.start();
    }
}
