package newslens.ingest.dedup;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import newslens.text.TextNormalizer;

/**
 * The word shingles of an article body as a sorted set of 64-bit hashes. A word is a run of letters, digits
 * and combining marks of the NFC text, lower-cased; everything else (punctuation, symbols, spaces) only
 * separates words, so a copy that was re-punctuated, re-flowed or re-cased keeps its shingles. Words are
 * scanned here rather than by {@link newslens.text.Tokenizer}: its abbreviation and number rules do not
 * change shingles that both copies share, and it cost about 1.3 ms per news-dev article, ten times this scan,
 * against a budget of a fraction of the read-only pass. Stateless after construction and thread-safe.
 */
public final class Shingles implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int size;

    /** @param size words per shingle */
    public Shingles(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("shingle size must be at least 1, got " + size);
        }
        this.size = size;
    }

    /** The normalised words of {@code body}, in order. */
    public List<String> words(String body) {
        String text = TextNormalizer.nfc(body);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            if (isWordChar(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            i += Character.charCount(cp);
        }
        return words;
    }

    /**
     * The distinct hashes of every run of {@code size} consecutive words, sorted ascending; a body with fewer
     * words has the one shingle of all of them, an empty body none.
     */
    public long[] of(String body) {
        long[] wordHashes = wordHashes(body, false);
        if (wordHashes == null) {
            wordHashes = wordHashes(TextNormalizer.nfc(body), true);
        }
        if (wordHashes.length == 0) {
            return wordHashes;
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

    /**
     * A shingle set as 8 bytes per hash, big-endian: one binary value per body is what the dedup state stores,
     * where a Parquet list of longs cost a definition and repetition level per element to write and read.
     */
    public static byte[] pack(long[] set) {
        ByteBuffer bytes = ByteBuffer.allocate(set.length * Long.BYTES);
        bytes.asLongBuffer().put(set);
        return bytes.array();
    }

    /** The set {@link #pack} stored. */
    public static long[] unpack(byte[] packed) {
        if (packed.length % Long.BYTES != 0) {
            throw new IllegalArgumentException("a packed shingle set has a multiple of 8 bytes, got " + packed.length);
        }
        long[] set = new long[packed.length / Long.BYTES];
        ByteBuffer.wrap(packed).asLongBuffer().get(set);
        return set;
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

    /**
     * FNV-1a of each word's lower-cased code points, as {@link #words} splits them, without building the
     * words: a fixed hash, the same in every JVM. Null when the text holds a combining mark: then it may not
     * be in NFC (ingest's bodies are, and checking NFC first cost a third of the time).
     */
    private static long[] wordHashes(String text, boolean inNfc) {
        long[] hashes = new long[text.length() / 2 + 1];
        int count = 0;
        long h = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean mark = cp >= 0x80 && !Character.isLetterOrDigit(cp) && isMark(cp);
            if (mark && !inNfc) {
                return null;
            }
            if (cp < 0x80 ? isAsciiAlphanumeric(cp) : mark || Character.isLetterOrDigit(cp)) {
                h = (h ^ (cp < 0x80 ? cp | 0x20 : Character.toLowerCase(cp))) * FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                hashes[count++] = h;
                h = FNV_OFFSET;
                inWord = false;
            }
            i += Character.charCount(cp);
        }
        return Arrays.copyOf(hashes, count);
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80 ? isAsciiAlphanumeric(cp) : Character.isLetterOrDigit(cp) || isMark(cp);
    }

    private static boolean isAsciiAlphanumeric(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
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
