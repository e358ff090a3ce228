package newslens.tools.generate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Syndicated near-copies planted in a generated corpus: a share {@code rate} of the articles are not new
 * stories but another outlet's reprint of an article a little earlier in the corpus, published the same day
 * or the next, with the small edits reprints have: a new title, a sentence dropped, a phrase reworded, a
 * byline, an attribution line. Which articles are copies, of what, and how they are edited follow from the
 * seed alone, so articles can still be composed in parallel and in any order. The truth is written to
 * {@value #COPIES_FILE}: one line per copy with its {@code doc_id} and its {@code original}'s. Stateless after
 * construction: copies are composed in parallel.
 */
public final class NearCopyPlan {

    public static final String COPIES_FILE = "_copies.jsonl";
    /** How far back (in article numbers) a copy's original is: reprints follow their originals closely. */
    private static final int LOOK_BACK = 50;
    private static final long SALT = 0x636F_7069_6573L;
    private static final String[] TITLE_PREFIXES = {"Tin mới: ", "Cập nhật: ", "Toàn cảnh: ", "Nóng: "};
    private static final String[] TITLE_SUFFIXES = {" (video)", " - tin tổng hợp", " ngay trong hôm nay"};
    private static final String[][] REWORDINGS = {{"cho biết", "cho hay"}, {"cho rằng", "nhận định"},
        {"đã", "vừa"}, {"nhiều", "không ít"}, {"tiếp tục", "vẫn đang"}, {"sẽ", "dự kiến sẽ"}, {"tại", "ở"}};
    private static final String[] REPORTERS = {"Minh Hà", "Quốc Tuấn", "Thu Trang", "Hoàng Nam", "Lan Anh"};

    /** One line of {@value #COPIES_FILE}. */
    public record CopyTruth(@JsonProperty("doc_id") String docId, String original) {}

    private final double rate;
    private final List<String> sources;

    /** @param rate share of the articles (after the first) that are copies; 0 plants none */
    public NearCopyPlan(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("copy rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
        this.sources = TemplateBook.standard().sources();
    }

    public double rate() {
        return rate;
    }

    public static NearCopyPlan none() {
        return new NearCopyPlan(0);
    }

    boolean isCopy(long seed, int index) {
        return index > 0 && rate > 0 && random(seed, index).nextDouble() < rate;
    }

    /** Article {@code index} of the corpus: a new story, or a reprint of an earlier one. */
    GeneratedArticle compose(ArticleComposer composer, long seed, int index, int days) {
        return isCopy(seed, index) ? copy(composer, seed, index, days).copy() : composer.compose(seed, index, days);
    }

    private record Reprint(GeneratedArticle copy, GeneratedArticle original) {}

    private Reprint copy(ArticleComposer composer, long seed, int index, int days) {
        SplittableRandom random = random(seed, index);
        random.nextDouble(); // the draw isCopy made
        int originalIndex = index - 1 - random.nextInt(Math.min(index, LOOK_BACK));
        while (isCopy(seed, originalIndex)) {
            originalIndex--; // article 0 never is a copy
        }
        GeneratedArticle original = composer.compose(seed, originalIndex, days);
        return new Reprint(reprint(original, index, random), original);
    }

    /** Writes {@value #COPIES_FILE} for the first {@code docs} articles; nothing when no copies are planned. */
    void writeTruth(Path out, ArticleComposer composer, long seed, int docs, int days) throws IOException {
        if (rate == 0) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter writer = Files.newBufferedWriter(out.resolve(COPIES_FILE), StandardCharsets.UTF_8)) {
            for (int index = 1; index < docs; index++) {
                if (isCopy(seed, index)) {
                    Reprint reprint = copy(composer, seed, index, days);
                    writer.write(json.writeValueAsString(
                            new CopyTruth(reprint.copy().docId(), reprint.original().docId())));
                    writer.write('\n');
                }
            }
        }
    }

    /** Reads {@value #COPIES_FILE} back: copy doc_id and original doc_id per line. */
    public static List<CopyTruth> readTruth(Path copiesFile) {
        ObjectMapper json = new ObjectMapper();
        try {
            List<CopyTruth> copies = new ArrayList<>();
            for (String line : Files.readAllLines(copiesFile, StandardCharsets.UTF_8)) {
                copies.add(json.readValue(line, CopyTruth.class));
            }
            return copies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GeneratedArticle reprint(GeneratedArticle original, int index, SplittableRandom random) {
        String source = otherSource(original.source(), random);
        EditedBody body = new EditedBody(original.body(), original.mentions());
        if (random.nextBoolean()) {
            body.dropSentence(random);
        }
        if (random.nextBoolean()) {
            body.reword(random);
        }
        if (random.nextBoolean()) {
            body.prependParagraph(REPORTERS[random.nextInt(REPORTERS.length)] + " (theo " + original.source() + ")");
        }
        String title = switch (random.nextInt(3)) {
            case 0 -> TITLE_PREFIXES[random.nextInt(TITLE_PREFIXES.length)] + original.title();
            case 1 -> original.title() + TITLE_SUFFIXES[random.nextInt(TITLE_SUFFIXES.length)];
            default -> original.title();
        };
        String sourceLine = random.nextBoolean() ? "Nguồn: " + original.source() + ".vn" : null;
        LocalDate date = original.date().plusDays(random.nextInt(2));
        LocalTime time = original.time().plusMinutes(5 + random.nextInt(180));
        if (date.equals(original.date()) && time.isBefore(original.time())) {
            time = LocalTime.of(23, 59); // past midnight: still after the original
        }
        return new GeneratedArticle(source + "/" + date + "/" + index, source, date, time, original.topic(), title,
                body.paragraphs(), original.caption(), sourceLine, body.mentions());
    }

    private String otherSource(String source, SplittableRandom random) {
        List<String> others = sources.stream().filter(s -> !s.equals(source)).toList();
        return others.get(random.nextInt(others.size()));
    }

    private SplittableRandom random(long seed, int index) {
        return new SplittableRandom((seed ^ SALT) * 0x9E3779B97F4A7C15L + index);
    }

    /** A body under edit, keeping its planted mentions' spans right (mentions inside an edit are dropped). */
    private static final class EditedBody {
        private String text;
        private List<PlantedMention> mentions;

        EditedBody(String text, List<PlantedMention> mentions) {
            this.text = text;
            this.mentions = mentions;
        }

        /** Drops one sentence of a paragraph that has more than one. */
        void dropSentence(SplittableRandom random) {
            List<int[]> sentences = new ArrayList<>();
            int paragraphStart = 0;
            for (String paragraph : text.split("\n", -1)) {
                List<int[]> inParagraph = sentencesOf(paragraph, paragraphStart);
                if (inParagraph.size() > 1) {
                    sentences.addAll(inParagraph);
                }
                paragraphStart += paragraph.length() + 1;
            }
            if (!sentences.isEmpty()) {
                int[] sentence = sentences.get(random.nextInt(sentences.size()));
                replace(sentence[0], sentence[1], "");
            }
        }

        /** Rewords one phrase of one sentence, outside every planted mention. */
        void reword(SplittableRandom random) {
            int offset = random.nextInt(text.length());
            for (int attempt = 0; attempt < REWORDINGS.length; attempt++) {
                String[] rewording = REWORDINGS[(offset + attempt) % REWORDINGS.length];
                int at = wordAt(rewording[0], offset);
                if (at < 0) {
                    at = wordAt(rewording[0], 0);
                }
                if (at >= 0) {
                    replace(at, at + rewording[0].length(), rewording[1]);
                    return;
                }
            }
        }

        void prependParagraph(String paragraph) {
            replace(0, 0, paragraph + "\n");
        }

        List<String> paragraphs() {
            return List.of(text.split("\n"));
        }

        List<PlantedMention> mentions() {
            return List.copyOf(mentions);
        }

        /** The first whole-word occurrence of {@code phrase} at or after {@code from} not inside a mention. */
        private int wordAt(String phrase, int from) {
            for (int at = text.indexOf(phrase, from); at >= 0; at = text.indexOf(phrase, at + 1)) {
                int end = at + phrase.length();
                boolean whole = (at == 0 || !Character.isLetter(text.charAt(at - 1))) && (end == text.length()
                        || !Character.isLetter(text.charAt(end)));
                int start = at;
                if (whole && mentions.stream().noneMatch(m -> m.start() < end && start < m.end())) {
                    return at;
                }
            }
            return -1;
        }

        private void replace(int start, int end, String replacement) {
            int shift = replacement.length() - (end - start);
            List<PlantedMention> kept = new ArrayList<>();
            for (PlantedMention m : mentions) {
                if (m.end() <= start) {
                    kept.add(m);
                } else if (m.start() >= end) {
                    kept.add(new PlantedMention(m.entityId(), m.surface(), m.start() + shift, m.end() + shift,
                            m.method()));
                }
            }
            text = text.substring(0, start) + replacement + text.substring(end);
            mentions = kept;
        }

        /**
         * Sentences of a paragraph as [start, end) in the body, each with the space that follows it, the last
         * with the space before it, so that dropping any leaves the paragraph's spacing as it was.
         */
        private static List<int[]> sentencesOf(String paragraph, int paragraphStart) {
            List<int[]> sentences = new ArrayList<>();
            int start = 0;
            for (int dot = paragraph.indexOf(". "); dot >= 0; dot = paragraph.indexOf(". ", dot + 1)) {
                sentences.add(new int[] {paragraphStart + start, paragraphStart + dot + 2});
                start = dot + 2;
            }
            if (start < paragraph.length()) {
                sentences.add(new int[] {paragraphStart + Math.max(0, start - 1), paragraphStart + paragraph.length()});
            }
            return sentences;
        }
    }
}
