package newslens.entities.eval;

import java.util.Arrays;

/**
 * Where each character of a field the ingest wrote (an article's title or text) came from in its source file,
 * so that mentions written by the pipeline can be scored against gold spans given as offsets into the file.
 *
 * <p>The ingest keeps lines in order and changes them only in known ways: it drops whole lines (captions,
 * bylines, source lines), turns every space character into a space, collapses and trims spaces, removes
 * control and format characters, and cuts a photo credit off the end of a paragraph. So each line of the
 * field is looked for in the source after the previous one: verbatim when it is there, else walked character
 * by character from each place its first word occurs (the longest walk wins), matching whitespace runs loosely and skipping
 * removed characters. A character the walk cannot match ends the line's alignment; the rest of the line maps
 * nowhere ({@code -1}) and a span touching it is reported unplaced rather than guessed.
 */
final class FieldAlignment {

    /**
     * At most this many opening characters of a line, up to its first space, are searched for when the line is
     * not in the source verbatim (spaces may differ there).
     */
    private static final int ANCHOR_CHARS = 16;

    private final int[] sourceOffset;
    private final int sourceEnd;

    private FieldAlignment(int[] sourceOffset, int sourceEnd) {
        this.sourceOffset = sourceOffset;
        this.sourceEnd = sourceEnd;
    }

    /** Aligns {@code field} with {@code source} (both NFC), looking from {@code sourceFrom} on. */
    static FieldAlignment of(String source, String field, int sourceFrom) {
        int[] map = new int[field.length()];
        Arrays.fill(map, -1);
        int cursor = sourceFrom;
        int lineStart = 0;
        while (lineStart < field.length()) {
            int lineEnd = field.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = field.length();
            }
            if (lineEnd > lineStart) {
                cursor = alignLine(source, field, lineStart, lineEnd, cursor, map);
            }
            lineStart = lineEnd + 1;
        }
        return new FieldAlignment(map, cursor);
    }

    /** The source span of the field's span {@code [start, end)}, or null when either end maps nowhere. */
    int[] sourceSpan(int start, int end) {
        if (start < 0 || end > sourceOffset.length || start >= end) {
            return null;
        }
        int first = sourceOffset[start];
        int last = sourceOffset[end - 1];
        return first < 0 || last < first ? null : new int[] {first, last + 1};
    }

    /** Sets {@code kept[i]} for every source character {@code i} some field character came from. */
    void markSource(boolean[] kept) {
        for (int offset : sourceOffset) {
            if (offset >= 0) {
                kept[offset] = true;
            }
        }
    }

    /** Where the last aligned line ends in the source: the next field is looked for after it. */
    int sourceEnd() {
        return sourceEnd;
    }

    private static int alignLine(String source, String field, int lineStart, int lineEnd, int cursor, int[] map) {
        String line = field.substring(lineStart, lineEnd);
        int verbatim = lineOpening(source, line, cursor);
        if (verbatim >= 0) {
            for (int i = 0; i < line.length(); i++) {
                map[lineStart + i] = verbatim + i;
            }
            return verbatim + line.length();
        }
        // Opening characters occur again in a later paragraph that starts the same way: walk from each
        // place they open a line and keep the longest walk.
        int space = line.indexOf(' ');
        String opening = line.substring(0, Math.min(ANCHOR_CHARS, space > 0 ? space : line.length()));
        int[] best = null;
        int bestEnd = cursor;
        int bestMatched = 0;
        for (int anchor = source.indexOf(opening, cursor); anchor >= 0; anchor = source.indexOf(opening, anchor + 1)) {
            int[] walk = new int[lineEnd - lineStart];
            int end = walk(source, field, lineStart, lineEnd, anchor, walk);
            int matched = 0;
            while (matched < walk.length && walk[matched] >= 0) {
                matched++;
            }
            if (matched > bestMatched) {
                best = walk;
                bestEnd = end;
                bestMatched = matched;
            }
            if (matched == walk.length) {
                break;
            }
        }
        if (best != null) {
            System.arraycopy(best, 0, map, lineStart, best.length);
        }
        return bestEnd;
    }

    /**
     * Walks the field's line from {@code anchor} in the source, filling {@code walk} (offset -1 where it stops);
     * returns the source offset reached.
     */
    private static int walk(String source, String field, int lineStart, int lineEnd, int anchor, int[] walk) {
        Arrays.fill(walk, -1);
        int i = lineStart;
        int j = anchor;
        while (i < lineEnd && j < source.length()) {
            char c = field.charAt(i);
            char d = source.charAt(j);
            if (c == d) {
                walk[i++ - lineStart] = j++;
            } else if (c == ' ' && isSpace(d)) {
                walk[i++ - lineStart] = j++;
                while (j < source.length() && isSpace(source.charAt(j))) {
                    j++;
                }
            } else if (isRemoved(d) || (isSpace(d) && c != ' ')) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /**
     * The first occurrence of {@code text} from {@code from} on that opens a source line (after spaces and removed
     * characters), as every field line does; else the first occurrence anywhere; -1 when there is none. A short
     * line ("Hà Nội") also occurs inside later paragraphs.
     */
    private static int lineOpening(String source, String text, int from) {
        int first = source.indexOf(text, from);
        for (int at = first; at >= 0; at = source.indexOf(text, at + 1)) {
            int k = at;
            while (k > 0 && (isSpace(source.charAt(k - 1)) || isRemoved(source.charAt(k - 1)))) {
                k--;
            }
            if (k == 0 || source.charAt(k - 1) == '\n' || source.charAt(k - 1) == '\r') {
                return at;
            }
        }
        return first;
    }

    private static boolean isSpace(char c) {
        return c == '\t' || (c != '\n' && c != '\r' && Character.isSpaceChar(c));
    }

    private static boolean isRemoved(char c) {
        int type = Character.getType(c);
        return c != '\n' && c != '\r' && (type == Character.CONTROL || type == Character.FORMAT);
    }
}
