package newslens.dates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the longest lexicon phrase (a run of whole words) starting at a token. */
final class PhraseTable<V extends Serializable> implements Serializable {

    record Match<V>(int length, V value) { }

    private record Entry<V>(List<String> words, V value) implements Serializable { }

    private final Map<String, List<Entry<V>>> entriesByFirstWord = new HashMap<>();
    private final int longestPhraseWords;

    PhraseTable(Map<String, V> phrases) {
        int longest = 1;
        for (Map.Entry<String, V> phrase : phrases.entrySet()) {
            List<String> words = List.of(Token.wordKey(phrase.getKey()).split(" "));
            entriesByFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>())
                    .add(new Entry<>(words, phrase.getValue()));
            longest = Math.max(longest, words.size());
        }
        longestPhraseWords = longest;
        entriesByFirstWord.values().forEach(list -> list.sort(
                Comparator.comparingInt((Entry<V> e) -> e.words().size()).reversed()));
    }

    static PhraseTable<String> of(Collection<String> phrases) {
        Map<String, String> map = new HashMap<>();
        phrases.forEach(p -> map.put(p, p));
        return new PhraseTable<>(map);
    }

    /** The longest phrase whose words are tokens {@code i, i+1, ...}, or null. */
    Match<V> match(List<Token> tokens, int i) {
        if (i < 0 || i >= tokens.size() || !tokens.get(i).isWord()) return null;
        List<Entry<V>> candidates = entriesByFirstWord.get(tokens.get(i).key());
        if (candidates == null) return null;
        for (Entry<V> e : candidates) {
            if (matchesAt(tokens, i, e.words())) return new Match<>(e.words().size(), e.value());
        }
        return null;
    }

    /** The longest phrase whose last word is token {@code last}, or null. */
    Match<V> matchEndingAt(List<Token> tokens, int last) {
        Match<V> best = null;
        for (int start = Math.max(0, last - longestPhraseWords + 1); start <= last; start++) {
            Match<V> m = match(tokens, start);
            if (m != null && start + m.length() - 1 == last && (best == null || m.length() > best.length())) {
                best = m;
            }
        }
        return best;
    }

    boolean contains(List<Token> tokens, int i) {
        return match(tokens, i) != null;
    }

    private static boolean matchesAt(List<Token> tokens, int i, List<String> words) {
        if (i + words.size() > tokens.size()) return false;
        for (int k = 0; k < words.size(); k++) {
            Token t = tokens.get(i + k);
            if (!t.isWord() || !t.key().equals(words.get(k))) return false;
        }
        return true;
    }
}
