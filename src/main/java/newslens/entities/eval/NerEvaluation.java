package newslens.entities.eval;

import newslens.entities.rules.EntityRecognizer;
import newslens.entities.Mention;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Measures a recogniser against annotated news: exact-span precision, recall and F1 of the outermost
 * PER/LOC/ORG spans, per type and micro-averaged. Office-title mentions ({@code kb_role}) are a linking layer
 * no gold annotates, and no publication date is passed, so none are scored.
 *
 * <p>Two gold formats are read:
 * <ul>
 *   <li>a folder of article texts plus a JSON-lines file, one line per article: {@code file}, and
 *       {@code entities} with half-open {@code start}/{@code end} offsets into the raw file, {@code type} and
 *       {@code depth} (0 = outermost); a decomposed (NFD) text is normalised to NFC as the ingest does and
 *       the offsets are mapped along;</li>
 *   <li>CoNLL columns: one word per line, its BIO tag in the last column ({@code B-PER}, {@code I-LOC},
 *       {@code O}), a blank line between sentences and {@code -DOCSTART-} lines between documents; words
 *       joined by {@code _} are multi-syllable words. The sentences of a document are rebuilt into one text,
 *       one sentence a line, so the recogniser sees the article as a whole.</li>
 * </ul>
 */
public final class NerEvaluation {

    /** Types the gold annotates that the scores cover. */
    public static final Set<String> SCORED_TYPES = Set.of("PER", "LOC", "ORG");
    private static final int TOP_ERRORS = 40;
    private static final String DOC_START = "-DOCSTART-";

    /** One annotated article: its NFC text and outermost gold spans. */
    public record GoldArticle(String name, String text, List<NerEvaluator.Span> gold) {
    }

    private NerEvaluation() {
    }

    static NerEvaluator.Report score(List<GoldArticle> articles, EntityRecognizer recognizer) {
        NerEvaluator evaluator = new NerEvaluator(SCORED_TYPES);
        for (GoldArticle article : articles) {
            evaluator.add(article.text(), article.gold(), predictedSpans(recognizer, article.text()));
        }
        return evaluator.report(TOP_ERRORS);
    }

    static List<NerEvaluator.Span> predictedSpans(EntityRecognizer recognizer, String text) {
        List<NerEvaluator.Span> predicted = new ArrayList<>();
        for (Mention m : recognizer.recognize(text, null)) {
            if (!Mention.KB_ROLE.equals(m.method())) {
                predicted.add(new NerEvaluator.Span(m.start(), m.end(), m.entityType()));
            }
        }
        return predicted;
    }

    static List<GoldArticle> readJsonl(Path docsDir, Path goldJsonl) {
        ObjectMapper mapper = new ObjectMapper();
        List<GoldArticle> articles = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(goldJsonl, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                String file = node.get("file").asText();
                String raw = Files.readString(docsDir.resolve(file), StandardCharsets.UTF_8);
                int[] offsetMap = new int[raw.length() + 1];
                String text = toNfc(raw, offsetMap);
                List<NerEvaluator.Span> gold = new ArrayList<>();
                for (JsonNode e : node.get("entities")) {
                    if (e.path("depth").asInt(0) == 0) {
                        gold.add(new NerEvaluator.Span(offsetMap[e.get("start").asInt()],
                                offsetMap[e.get("end").asInt()], e.get("type").asText()));
                    }
                }
                articles.add(new GoldArticle(file, text, gold));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    /** NFC of {@code raw}, filling {@code offsetMap[i]} with the NFC offset of raw offset i. */
    static String toNfc(String raw, int[] offsetMap) {
        if (Normalizer.isNormalized(raw, Normalizer.Form.NFC)) {
            for (int i = 0; i < offsetMap.length; i++) {
                offsetMap[i] = i;
            }
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            // A base character and its combining marks compose together, so normalise them as one cluster.
            int end = i + Character.charCount(raw.codePointAt(i));
            while (end < raw.length() && Character.getType(raw.codePointAt(end)) == Character.NON_SPACING_MARK) {
                end += Character.charCount(raw.codePointAt(end));
            }
            for (int k = i; k < end; k++) {
                offsetMap[k] = out.length();
            }
            out.append(Normalizer.normalize(raw.substring(i, end), Normalizer.Form.NFC));
            i = end;
        }
        offsetMap[raw.length()] = out.length();
        return out.toString();
    }

    /** Documents of a CoNLL file; a file without {@code -DOCSTART-} lines is one document. */
    static List<GoldArticle> parseConll(List<String> lines) {
        List<GoldArticle> articles = new ArrayList<>();
        ConllDocument doc = new ConllDocument();
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.startsWith(DOC_START)) {
                doc.finishInto(articles);
                doc = new ConllDocument();
            } else if (stripped.isEmpty()) {
                doc.endSentence();
            } else {
                String[] columns = stripped.split("\\s+");
                doc.addWord(columns[0].replace('_', ' '), columns[columns.length - 1]);
            }
        }
        doc.finishInto(articles);
        return articles;
    }

    /** Builds one document's text and spans word by word. */
    private static final class ConllDocument {
        private final StringBuilder text = new StringBuilder();
        private final List<NerEvaluator.Span> spans = new ArrayList<>();
        private boolean sentenceOpen;
        private String openType;
        private int openStart;

        void addWord(String word, String tag) {
            boolean inside = tag.startsWith("I-") && tag.substring(2).equals(openType);
            if (!inside) {
                closeSpan();
            }
            if (sentenceOpen) {
                text.append(' ');
            }
            sentenceOpen = true;
            if (!inside && (tag.startsWith("B-") || tag.startsWith("I-"))) {
                openType = tag.substring(2);
                openStart = text.length();
            }
            text.append(word);
        }

        void endSentence() {
            closeSpan();
            if (sentenceOpen) {
                text.append('\n');
                sentenceOpen = false;
            }
        }

        void finishInto(List<GoldArticle> articles) {
            endSentence();
            if (text.isEmpty()) {
                return;
            }
            String raw = text.toString();
            int[] offsetMap = new int[raw.length() + 1];
            String nfc = toNfc(raw, offsetMap);
            List<NerEvaluator.Span> mapped = spans.stream()
                    .map(s -> new NerEvaluator.Span(offsetMap[s.start()], offsetMap[s.end()], s.type()))
                    .toList();
            articles.add(new GoldArticle("conll#" + articles.size(), nfc, mapped));
        }

        private void closeSpan() {
            if (openType != null) {
                int end = text.length();
                spans.add(new NerEvaluator.Span(openStart, end, openType));
                openType = null;
            }
        }
    }
}
