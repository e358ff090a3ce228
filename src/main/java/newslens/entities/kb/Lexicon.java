package newslens.entities.kb;

import newslens.entities.Article;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list of words or short phrases (context words, unit names, surnames) matched on token texts.
 * Matching is case-sensitive, because {@code Anh} (England) is not {@code anh} (brother) and {@code Nam} is
 * not {@code nam} (male); the one exception is a phrase opening a sentence, whose capital says nothing
 * ({@code Ông} = {@code ông}).
 */
public final class Lexicon implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Phrases as a trie whose edges are token texts: the recogniser asks for phrases at nearly every token,
     * and walking the trie costs a map look-up per token where joining the tokens into a key built a string.
     */
    private static final class Node implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Map<String, Node> next = new HashMap<>();
        private boolean endsPhrase;
    }

    private final Set<String> phrases;
    private final Node root = new Node();
    private final int maxTokens;

    /** @param entries phrases already split into token texts */
    Lexicon(List<List<String>> entries) {
        this.phrases = entries.stream().map(words -> String.join(" ", words)).collect(Collectors.toUnmodifiableSet());
        this.maxTokens = entries.stream().mapToInt(List::size).max().orElse(0);
        for (List<String> words : entries) {
            if (words.isEmpty()) {
                continue;
            }
            Node node = root;
            for (String word : words) {
                node = node.next.computeIfAbsent(word, w -> new Node());
            }
            node.endsPhrase = true;
        }
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
        int longest = longestFrom(root.next.get(a.token(start).text()), a, start);
        String opener = a.openersInLowerCase()[start];
        if (opener != null) {
            longest = Math.max(longest, longestFrom(root.next.get(opener), a, start));
        }
        return longest;
    }

    /** Token count of the longest phrase ending just before {@code end} (exclusive), 0 when none. */
    public int longestEndingAt(Article a, int end) {
        for (int len = Math.min(maxTokens, end); len > 0; len--) {
            if (matches(a, end - len, end)) {
                return len;
            }
        }
        return 0;
    }

    /** Length of the longest phrase along the path from {@code node}, reached over token {@code start}. */
    private static int longestFrom(Node node, Article a, int start) {
        int longest = 0;
        for (int i = start + 1; node != null; i++) {
            if (node.endsPhrase) {
                longest = i - start;
            }
            node = i < a.size() ? node.next.get(a.token(i).text()) : null;
        }
        return longest;
    }

    private boolean matches(Article a, int from, int to) {
        String opener = a.openersInLowerCase()[from];
        return endsPhrase(root.next.get(a.token(from).text()), a, from + 1, to)
                || (opener != null && endsPhrase(root.next.get(opener), a, from + 1, to));
    }

    /** Whether the path from {@code node} over tokens {@code [from, to)} ends a phrase. */
    private static boolean endsPhrase(Node node, Article a, int from, int to) {
        for (int i = from; node != null && i < to; i++) {
            node = node.next.get(a.token(i).text());
        }
        return node != null && node.endsPhrase;
    }
}
