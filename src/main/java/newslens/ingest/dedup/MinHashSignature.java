package newslens.ingest.dedup;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The MinHash signature of one article (see {@link MinHashFamily}): the share of positions where two
 * signatures agree estimates the Jaccard similarity of their shingle sets, with a standard error of
 * {@code sqrt(J(1-J)/k)}, at most 0.044 for 128 hashes.
 */
public final class MinHashSignature implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The signature of a body without words: similar to nothing. */
    static final MinHashSignature EMPTY = new MinHashSignature(new int[0]);

    private final int[] values;

    MinHashSignature(int[] values) {
        this.values = values;
    }

    /** Rebuilds a signature from {@link #values()} (e.g. after a shuffle). */
    public static MinHashSignature of(int[] values) {
        return new MinHashSignature(values.clone());
    }

    /** The values as 4 bytes each, big-endian: how the dedup state stores a signature. */
    public byte[] pack() {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Integer.BYTES);
        bytes.asIntBuffer().put(values);
        return bytes.array();
    }

    /** The signature {@link #pack} stored. */
    public static MinHashSignature unpack(byte[] packed) {
        if (packed.length % Integer.BYTES != 0) {
            throw new IllegalArgumentException("a packed signature has a multiple of 4 bytes, got " + packed.length);
        }
        int[] values = new int[packed.length / Integer.BYTES];
        ByteBuffer.wrap(packed).asIntBuffer().get(values);
        return new MinHashSignature(values);
    }

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    public int value(int i) {
        return values[i];
    }

    public int[] values() {
        return values.clone();
    }

    /** Estimated Jaccard similarity of the two articles' shingle sets; 0 when either is empty. */
    public double estimateJaccard(MinHashSignature other) {
        if (isEmpty() || other.isEmpty()) {
            return 0;
        }
        if (values.length != other.values.length) {
            throw new IllegalArgumentException("signatures of " + values.length + " and " + other.values.length
                    + " hashes come from different families");
        }
        int agree = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == other.values[i]) {
                agree++;
            }
        }
        return (double) agree / values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHashSignature other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MinHashSignature" + Arrays.toString(values);
    }
}
