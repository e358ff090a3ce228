package newslens.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Word segmentation scored against gold in the VLSP convention: one sentence a line, words separated by
 * spaces, the syllables of a word joined by {@code _} ({@code con_gái}). The line without its underscores is
 * what the segmenter reads; a word counts as found when its span of characters is exactly a gold word's.
 * Punctuation and numbers are words on both sides, so the score is over every word of the line.
 *
 * @param goldWords      words in the gold
 * @param predictedWords words the segmenter made
 * @param matchedWords   words with exactly a gold word's span
 * @param goldMultiSyllable   gold words of two syllables or more
 * @param matchedMultiSyllable of those, the ones the segmenter made
 */
public record SegmentationScore(long goldWords, long predictedWords, long matchedWords, long goldMultiSyllable,
                                long matchedMultiSyllable) {

    public static final SegmentationScore EMPTY = new SegmentationScore(0, 0, 0, 0, 0);

    /** The plain text of a gold line: its underscores read as the spaces between syllables. */
    public static String plainText(String goldLine) {
        return goldLine.replace('_', ' ');
    }

    /** The score of one gold line. */
    public static SegmentationScore of(String goldLine, WordSegmenter segmenter) {
        String plain = plainText(goldLine);
        Set<Long> gold = new HashSet<>();
        Set<Long> goldMulti = new HashSet<>();
        int i = 0;
        while (i < goldLine.length()) {
            if (Character.isWhitespace(goldLine.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < goldLine.length() && !Character.isWhitespace(goldLine.charAt(end))) {
                end++;
            }
            gold.add(span(i, end));
            if (goldLine.substring(i, end).indexOf('_') > 0) {
                goldMulti.add(span(i, end));
            }
            i = end;
        }
        List<WordSegmenter.Word> predicted = segmenter.segmentText(plain);
        long matched = 0;
        long matchedMulti = 0;
        for (WordSegmenter.Word word : predicted) {
            long span = span(word.start(), word.end());
            if (gold.contains(span)) {
                matched++;
                if (goldMulti.contains(span)) {
                    matchedMulti++;
                }
            }
        }
        return new SegmentationScore(gold.size(), predicted.size(), matched, goldMulti.size(), matchedMulti);
    }

    public SegmentationScore plus(SegmentationScore other) {
        return new SegmentationScore(goldWords + other.goldWords, predictedWords + other.predictedWords,
                matchedWords + other.matchedWords, goldMultiSyllable + other.goldMultiSyllable,
                matchedMultiSyllable + other.matchedMultiSyllable);
    }

    public double precision() {
        return predictedWords == 0 ? 0 : (double) matchedWords / predictedWords;
    }

    public double recall() {
        return goldWords == 0 ? 0 : (double) matchedWords / goldWords;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Recall of the words of two syllables or more, the ones a segmenter has to know. */
    public double multiSyllableRecall() {
        return goldMultiSyllable == 0 ? 0 : (double) matchedMultiSyllable / goldMultiSyllable;
    }

    private static long span(int start, int end) {
        return (long) start << 32 | end;
    }
}
