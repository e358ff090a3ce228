package newslens.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A trie whose edges are whole token texts, so a key can only match on token boundaries: {@code Nga} never
 * matches inside {@code Ngay}, and a hyphen or dot is its own edge. Matching is case-sensitive because
 * Vietnamese proper names are told apart from common words by their capitals; a caller that matches on
 * another form of the tokens (lower case, a sentence opener) walks the trie over its own keys.
 *
 * @param <V> payload of a key
 */
public final class TokenTrie<V extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The longest key found at a position: tokens {@code [start, end)} and what the key carries. */
    public record Match<V>(int start, int end, List<V> values) {
    }

    private static final class Node<V> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Map<String, Node<V>> children = new HashMap<>();
        /** Immutable, so a match can hand it out without copying. */
        private List<V> values = List.of();
    }

    private final Node<V> root = new Node<>();
    private int longestKeyTokens;

    public void put(List<String> keyTokens, V value) {
        if (keyTokens.isEmpty()) {
            return;
        }
        Node<V> node = root;
        for (String key : keyTokens) {
            node = node.children.computeIfAbsent(key, k -> new Node<>());
        }
        if (!node.values.contains(value)) {
            List<V> values = new ArrayList<>(node.values);
            values.add(value);
            node.values = List.copyOf(values);
        }
        longestKeyTokens = Math.max(longestKeyTokens, keyTokens.size());
    }

    /** Longest key starting at token {@code start}, or null. */
    public Match<V> longestAt(List<Token> tokens, int start) {
        return longestAt(start, tokens.size(), i -> tokens.get(i).text());
    }

    /**
     * Longest key spelled by the keys of positions {@code start, start+1, ...} before {@code end}, or null.
     *
     * @param keyAt the key of a position; null where no key may pass
     */
    public Match<V> longestAt(int start, int end, IntFunction<String> keyAt) {
        Node<V> node = root;
        Match<V> best = null;
        for (int i = start; i < end; i++) {
            node = child(node, keyAt.apply(i));
            if (node == null) {
                break;
            }
            if (!node.values.isEmpty()) {
                best = new Match<>(start, i + 1, node.values);
            }
        }
        return best;
    }

    /** The key spelled by exactly the keys of positions {@code [start, end)}, or null. */
    public Match<V> exactly(int start, int end, IntFunction<String> keyAt) {
        Node<V> node = root;
        for (int i = start; node != null && i < end; i++) {
            node = child(node, keyAt.apply(i));
        }
        return node == null || node.values.isEmpty() ? null : new Match<>(start, end, node.values);
    }

    /** Longest key whose last position is {@code end - 1}, or null. */
    public Match<V> longestEndingAt(int end, IntFunction<String> keyAt) {
        for (int start = Math.max(0, end - longestKeyTokens); start < end; start++) {
            Match<V> match = exactly(start, end, keyAt);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    /** Token count of the longest key. */
    public int longestKeyTokens() {
        return longestKeyTokens;
    }

    private static <V> Node<V> child(Node<V> node, String key) {
        return key == null ? null : node.children.get(key);
    }
}
