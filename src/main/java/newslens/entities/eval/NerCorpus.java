package newslens.entities.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Annotated articles for training and scoring NER, read as {@link NerEvaluation} reads them (NFC text, outermost
 * spans, offsets mapped), and split into a training part and a held-out part by a hash of each document's name,
 * so that {@code train-ner --holdout 20} and {@code eval-ner --holdout 20} (same {@code --seed}) see complementary
 * documents without sharing any file.
 */
public final class NerCorpus {

    private final String source;
    private final List<NerEvaluation.GoldArticle> articles;

    private NerCorpus(String source, List<NerEvaluation.GoldArticle> articles) {
        this.source = source;
        this.articles = List.copyOf(articles);
    }

    /** A folder of article texts and a JSON-lines file of their spans ({@code ../shared/data/ner-dev} format). */
    public static NerCorpus jsonl(Path docsDir, Path goldJsonl) {
        return new NerCorpus(goldJsonl.toString(), NerEvaluation.readJsonl(docsDir, goldJsonl));
    }

    /** A CoNLL file, {@code word ... tag} a line (the VLSP format); documents split at {@code -DOCSTART-}. */
    public static NerCorpus conll(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return new NerCorpus(file.toString(), NerEvaluation.parseConll(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents held out for scoring: about {@code percent}% of them, chosen by name and seed. */
    public NerCorpus heldOut(int percent, long seed) {
        return new NerCorpus(source, articles.stream().filter(a -> isHeldOut(a.name(), percent, seed)).toList());
    }

    /** The other documents, to train on. */
    public NerCorpus withoutHeldOut(int percent, long seed) {
        return new NerCorpus(source, articles.stream().filter(a -> !isHeldOut(a.name(), percent, seed)).toList());
    }

    /** The gold file the articles were read from. */
    public String source() {
        return source;
    }

    public int size() {
        return articles.size();
    }

    public List<NerEvaluation.GoldArticle> articles() {
        return articles;
    }

    /**
     * A document is held out when its bucket, 0..99, from a hash of its name and the seed, is below
     * {@code percent}: stable across runs, machines and corpus order, and independent of the other documents.
     */
    static boolean isHeldOut(String name, int percent, long seed) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("--holdout needs a percentage 0..100, got " + percent);
        }
        long h = name.hashCode() * 0x9E3779B97F4A7C15L + seed;
        // SplitMix64's finaliser: spreads similar names (0001_..., 0002_...) over all buckets.
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return Math.floorMod(h, 100) < percent;
    }
}
