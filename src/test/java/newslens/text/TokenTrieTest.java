package newslens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class TokenTrieTest {

    private final List<Token> tokens = Tokenizer.standard().tokenize("Ông Nguyễn Văn An về Hà Nội sáng nay");
    private final IntFunction<String> texts = i -> tokens.get(i).text();

    private static TokenTrie<String> trie(String... keys) {
        TokenTrie<String> trie = new TokenTrie<>();
        for (String key : keys) {
            trie.put(List.of(key.split(" ")), key);
        }
        return trie;
    }

    @Test
    void findsTheLongestKeyAtAToken() {
        TokenTrie<String> trie = trie("Hà", "Hà Nội", "Nguyễn Văn");
        assertEquals(new TokenTrie.Match<>(5, 7, List.of("Hà Nội")), trie.longestAt(tokens, 5));
        assertEquals(new TokenTrie.Match<>(1, 3, List.of("Nguyễn Văn")), trie.longestAt(tokens, 1));
        assertNull(trie.longestAt(tokens, 0));
    }

    @Test
    void walksTheKeysACallerGives() {
        TokenTrie<String> trie = trie("ông", "về hà nội");
        IntFunction<String> lowerCase = i -> tokens.get(i).text().toLowerCase(Locale.ROOT);
        assertNull(trie.longestAt(0, tokens.size(), texts));
        assertEquals(new TokenTrie.Match<>(0, 1, List.of("ông")), trie.longestAt(0, tokens.size(), lowerCase));
        // The end bounds the walk, and a null key stops it.
        assertNull(trie.longestAt(4, 6, lowerCase));
        assertNull(trie.longestAt(4, tokens.size(), i -> i == 5 ? null : lowerCase.apply(i)));
    }

    @Test
    void findsAKeyByWhereItEnds() {
        TokenTrie<String> trie = trie("Hà Nội", "Hà Nội sáng", "Nội", "Văn An");
        assertEquals(3, trie.longestKeyTokens());
        assertEquals(new TokenTrie.Match<>(5, 7, List.of("Hà Nội")), trie.exactly(5, 7, texts));
        assertNull(trie.exactly(5, 6, texts));
        // A key ending there counts even where a longer key goes on past it.
        assertEquals(new TokenTrie.Match<>(5, 7, List.of("Hà Nội")), trie.longestEndingAt(7, texts));
        assertEquals(new TokenTrie.Match<>(2, 4, List.of("Văn An")), trie.longestEndingAt(4, texts));
        assertNull(trie.longestEndingAt(5, texts));
    }
}
