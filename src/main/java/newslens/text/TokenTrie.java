package newslens.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newslens.text.Token;

/**
 * A trie whose edges are whole token texts, so a key can only match on token boundaries: {@code Nga} never
 * matches inside {@code Ngay}, and a hyphen or dot is its own edge. Matching is case-sensitive because
 * Vietnamese proper names are told apart from common words by their capitals.
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
    }

    /** Longest key starting at token {@code start}, or null. */
    public Match<V> longestAt(List<Token> tokens, int start) {
        Node<V> node = root;
        Match<V> best = null;
        for (int i = start; i < tokens.size(); i++) {
            node = node.children.get(tokens.get(i).text());
            if (node == null) {
                break;
            }
            if (!node.values.isEmpty()) {
                best = new Match<>(start, i + 1, node.values);
            }
        }
        return best;
    }
}
