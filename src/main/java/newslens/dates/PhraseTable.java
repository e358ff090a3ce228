package newslens.dates;

import newslens.text.TokenTrie;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Lexicon phrases (runs of whole words) found among date tokens by their lower-case keys. */
final class PhraseTable<V extends Serializable> implements Serializable {

    record Match<V>(int length, V value) { }

    private final TokenTrie<V> trie = new TokenTrie<>();

    PhraseTable(Map<String, V> phrases) {
        phrases.forEach((phrase, value) -> trie.put(List.of(DateToken.wordKey(phrase).split(" ")), value));
    }

    static PhraseTable<String> of(Collection<String> phrases) {
        Map<String, String> map = new HashMap<>();
        phrases.forEach(p -> map.put(p, p));
        return new PhraseTable<>(map);
    }

    /** The longest phrase whose words are tokens {@code i, i+1, ...}, or null. */
    Match<V> match(List<DateToken> tokens, int i) {
        return i < 0 ? null : value(trie.longestAt(i, tokens.size(), wordKeys(tokens)));
    }

    /** The longest phrase whose last word is token {@code last}, or null. */
    Match<V> matchEndingAt(List<DateToken> tokens, int last) {
        return last < 0 || last >= tokens.size() ? null : value(trie.longestEndingAt(last + 1, wordKeys(tokens)));
    }

    boolean contains(List<DateToken> tokens, int i) {
        return match(tokens, i) != null;
    }

    /** Only words are keys: a phrase never runs over a number or punctuation. */
    private static IntFunction<String> wordKeys(List<DateToken> tokens) {
        return i -> tokens.get(i).isWord() ? tokens.get(i).key() : null;
    }

    private static <V> Match<V> value(TokenTrie.Match<V> m) {
        return m == null ? null : new Match<>(m.end() - m.start(), m.values().get(0));
    }
}
