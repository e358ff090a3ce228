package newslens.entities.eval;

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
import java.util.Map;
import java.util.Set;

/**
 * Measures what the pipeline wrote against annotated news: exact-span precision, recall and F1 of the
 * outermost PER/LOC/ORG spans, per type and micro-averaged ({@link #scoreWritten}). Office-title mentions
 * ({@code kb_role}) are a linking layer no gold annotates, so none are scored.
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

    /** One article as the pipeline wrote it: its title and text, and its mentions ({@code kb_role} left out). */
    public record WrittenArticle(String title, String text, List<WrittenMention> mentions) {
    }

    /** A row of the {@code mentions} table: the span {@code [start, end)} of the article's {@code field}. */
    public record WrittenMention(String field, int start, int end, String type) {
    }

    /**
     * The scores of what the pipeline wrote, and what could not be scored in place: articles the ingest did not
     * write (rejected; their gold spans all count as missed) and mentions whose span could not be traced back to
     * the file (counted as false positives).
     */
    public record PipelineScore(NerEvaluator.Report report, int articles, int notWritten, int unplacedMentions,
                                int goldOutsideFields, NerEvaluator.Scores microInFields, List<SpanError> errors) {

        public String format() {
            return String.format("%d articles scored, %d not written by ingest (all their spans missed), %d mentions"
                    + " not traced back to their file (counted wrong), %d gold spans in lines ingest keeps out of"
                    + " title and text (photo credits, source credits, bylines: missed)%n", articles, notWritten,
                    unplacedMentions, goldOutsideFields) + report.format()
                    + String.format("micro on title and text alone (those %d gold spans left out): P %.4f R %.4f"
                    + " F1 %.4f%n", goldOutsideFields, microInFields.precision(), microInFields.recall(),
                    microInFields.f1());
        }
    }

    /**
     * One wrong or missed span, for reading the errors one by one: {@code kind} is {@code missed} (a gold span no
     * prediction overlaps), {@code spurious} (a prediction overlapping no gold span), {@code boundary} (overlapping
     * but not the same span) or {@code type} (same span, other type); offsets into the article's file.
     */
    public record SpanError(String article, String kind, String goldType, String goldSurface,
                            String predictedType, String predictedSurface, int start, String context) {
    }

    /**
     * Scores the tables the pipeline wrote against the gold of each file: the title and text of each article
     * are traced back to its file ({@link FieldAlignment}), the title first, and each mention with them.
     *
     * @param written the articles the pipeline wrote, by the name of the gold article they came from
     */
    public static PipelineScore scoreWritten(List<GoldArticle> gold, Map<String, WrittenArticle> written) {
        NerEvaluator evaluator = new NerEvaluator(SCORED_TYPES);
        int notWritten = 0;
        int unplaced = 0;
        int goldOutside = 0;
        List<SpanError> errors = new ArrayList<>();
        NerEvaluator inFields = new NerEvaluator(SCORED_TYPES);
        for (GoldArticle article : gold) {
            WrittenArticle out = written.get(article.name());
            if (out == null) {
                notWritten++;
                evaluator.add(article.text(), article.gold(), List.of());
                collectErrors(article, List.of(), errors);
                continue;
            }
            String title = out.title() == null ? "" : out.title();
            FieldAlignment titleAlignment = FieldAlignment.of(article.text(), title, 0);
            FieldAlignment textAlignment = FieldAlignment.of(article.text(), out.text(),
                    title.isEmpty() ? 0 : titleAlignment.sourceEnd());
            boolean[] kept = new boolean[article.text().length()];
            titleAlignment.markSource(kept);
            textAlignment.markSource(kept);
            List<NerEvaluator.Span> goldInFields = new ArrayList<>();
            for (NerEvaluator.Span g : article.gold()) {
                if (kept[g.start()]) {
                    goldInFields.add(g);
                } else if (SCORED_TYPES.contains(g.type())) {
                    goldOutside++;
                }
            }
            List<NerEvaluator.Span> predicted = new ArrayList<>();
            for (WrittenMention m : out.mentions()) {
                boolean inTitle = m.field().equals("title");
                int[] span = (inTitle ? titleAlignment : textAlignment).sourceSpan(m.start(), m.end());
                if (span == null) {
                    unplaced++;
                    evaluator.addUnplaced(m.type(), (inTitle ? title : out.text()).substring(m.start(), m.end()));
                } else {
                    predicted.add(new NerEvaluator.Span(span[0], span[1], m.type()));
                }
            }
            evaluator.add(article.text(), article.gold(), predicted);
            inFields.add(article.text(), goldInFields, predicted);
            collectErrors(article, predicted, errors);
        }
        return new PipelineScore(evaluator.report(TOP_ERRORS), gold.size(), notWritten, unplaced, goldOutside,
                inFields.report(0).micro(), errors);
    }

    private static void collectErrors(GoldArticle article, List<NerEvaluator.Span> predicted, List<SpanError> out) {
        String text = article.text();
        List<NerEvaluator.Span> gold = article.gold().stream().filter(g -> SCORED_TYPES.contains(g.type())).toList();
        List<NerEvaluator.Span> guesses = predicted.stream().filter(p -> SCORED_TYPES.contains(p.type())).toList();
        for (NerEvaluator.Span g : gold) {
            if (guesses.contains(g)) {
                continue;
            }
            NerEvaluator.Span overlapping = guesses.stream().filter(p -> p.start() < g.end() && g.start() < p.end())
                    .findFirst().orElse(null);
            String kind = overlapping == null ? "missed"
                    : overlapping.start() == g.start() && overlapping.end() == g.end() ? "type" : "boundary";
            out.add(new SpanError(article.name(), kind, g.type(), text.substring(g.start(), g.end()),
                    overlapping == null ? null : overlapping.type(),
                    overlapping == null ? null : text.substring(overlapping.start(), overlapping.end()), g.start(),
                    context(text, g.start(), g.end())));
        }
        for (NerEvaluator.Span p : guesses) {
            boolean overlapsGold = gold.stream().anyMatch(g -> p.start() < g.end() && g.start() < p.end());
            if (!overlapsGold) {
                out.add(new SpanError(article.name(), "spurious", null, null, p.type(),
                        text.substring(p.start(), p.end()), p.start(), context(text, p.start(), p.end())));
            }
        }
    }

    /** Some words either side of the span, the span marked, on one line. */
    private static String context(String text, int start, int end) {
        int from = Math.max(0, start - 60);
        int to = Math.min(text.length(), end + 60);
        return (text.substring(from, start) + "[" + text.substring(start, end) + "]" + text.substring(end, to))
                .replace('\n', ' ');
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
