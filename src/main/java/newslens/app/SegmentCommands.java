package newslens.app;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import newslens.text.SegmentationScore;
import newslens.text.WordSegmenter;

/**
 * {@code segment} and {@code eval-segment}: the word segmenter under the topics stage, with the shipped word
 * lexicon (the stage adds its phrases and the collocations a corpus teaches it), run alone on plain text. No
 * Spark: a file in, a file or a score out, line by line.
 */
final class SegmentCommands {

    private SegmentCommands() {}

    /** {@code segment --input FILE --output FILE}: each line again, a multi-syllable word's syllables joined by _. */
    static int segment(CommandLine cli) {
        Path input = Path.of(cli.required("input", "a UTF-8 text file"));
        Path output = Path.of(cli.required("output", "the file the segmented lines are written to"));
        requireFile(input, "segment --input");
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("segment --output must be another file than --input, got " + output);
        }
        WordSegmenter segmenter = WordSegmenter.withLexicon();
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(joinWords(line, segmenter));
                out.newLine();
                lines++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("segment: could not read " + input + " or write " + output, e);
        }
        System.out.println("newslens segment: " + lines + " lines -> " + output);
        return 0;
    }

    /** {@code eval-segment --gold FILE}: word precision, recall and F1 against segmented gold lines. */
    static int evaluate(CommandLine cli) {
        Path gold = Path.of(cli.required("gold", "segmented lines, syllables of a word joined by _"));
        requireFile(gold, "eval-segment --gold");
        WordSegmenter segmenter = WordSegmenter.withLexicon();
        SegmentationScore total = SegmentationScore.EMPTY;
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(gold, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    total = total.plus(SegmentationScore.of(line, segmenter));
                    lines++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("eval-segment: could not read " + gold, e);
        }
        System.out.printf("newslens eval-segment: the shipped lexicon (%d words) on %d lines of %s%n",
                segmenter.words().size(), lines, gold);
        System.out.printf("words: %d gold, %d segmented, %d exact%n", total.goldWords(), total.predictedWords(),
                total.matchedWords());
        System.out.printf("precision %.4f  recall %.4f  F1 %.4f%n", total.precision(), total.recall(), total.f1());
        System.out.printf("words of two syllables or more: %d gold, recall %.4f%n", total.goldMultiSyllable(),
                total.multiSyllableRecall());
        return 0;
    }

    /** {@code line} with the whitespace inside each multi-syllable word replaced by one {@code _}. */
    static String joinWords(String line, WordSegmenter segmenter) {
        StringBuilder out = new StringBuilder(line.length());
        int copied = 0;
        for (WordSegmenter.Word word : segmenter.segmentText(line)) {
            if (word.syllables() > 1) {
                out.append(line, copied, word.start())
                        .append(line.substring(word.start(), word.end()).replaceAll("\\s+", "_"));
                copied = word.end();
            }
        }
        return out.append(line, copied, line.length()).toString();
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " must be a readable file, got " + file);
        }
    }
}
