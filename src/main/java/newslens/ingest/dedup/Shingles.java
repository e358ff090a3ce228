package newslens.ingest.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import newslens.text.TextNormalizer;
import newslens.text.Token;
import newslens.text.Tokenizer;

/**
 * The word shingles of an article body as a sorted set of 64-bit hashes. Words are the tokenizer's words,
 * numbers and abbreviations of the NFC text, lower-cased; punctuation is dropped, so a copy that was
 * re-punctuated, re-flowed or re-cased keeps its shingles. Stateless after construction and thread-safe.
 */
public final class Shingles implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Tokenizer tokenizer;
    private final int size;

    /** @param size words per shingle */
    public Shingles(Tokenizer tokenizer, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("shingle size must be at least 1, got " + size);
        }
        this.tokenizer = tokenizer;
        this.size = size;
    }

    public static Shingles standard(int size) {
        return new Shingles(Tokenizer.standard(), size);
    }

    /** The normalised words of {@code body}, in order. */
    public List<String> words(String body) {
        List<String> words = new ArrayList<>();
        for (Token token : tokenizer.tokenize(TextNormalizer.nfc(body))) {
            if (token.kind() != Token.Kind.PUNCT) {
                words.add(token.text().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * The distinct hashes of every run of {@code size} consecutive words, sorted ascending; a body with fewer
     * words has the one shingle of all of them, an empty body none.
     */
    public long[] of(String body) {
        List<String> words = words(body);
        if (words.isEmpty()) {
            return new long[0];
        }
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = fnv1a(words.get(i));
        }
        int count = Math.max(1, wordHashes.length - size + 1);
        long[] hashes = new long[count];
        for (int start = 0; start < count; start++) {
            long h = 0;
            for (int j = start; j < Math.min(start + size, wordHashes.length); j++) {
                h = (h + wordHashes[j]) * GOLDEN;
            }
            hashes[start] = mix(h);
        }
        Arrays.sort(hashes);
        return distinct(hashes);
    }

    /** Jaccard similarity of two sorted sets of distinct hashes; 0 when both are empty. */
    public static double jaccard(long[] first, long[] second) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < first.length && j < second.length) {
            if (first[i] == second[j]) {
                common++;
                i++;
                j++;
            } else if (first[i] < second[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = first.length + second.length - common;
        return union == 0 ? 0 : (double) common / union;
    }

    /** A fixed hash of the word's chars: the same in every JVM, unlike a seeded or identity hash. */
    private static long fnv1a(String word) {
        long h = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            h = (h ^ word.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long[] distinct(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }
}
