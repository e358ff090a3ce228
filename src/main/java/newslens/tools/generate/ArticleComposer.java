package newslens.tools.generate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Writes one synthetic article from the template book: a topic, a small cast of entities reused across
 * its sentences (so entities co-occur the way they do in news), 10–20 sentences in paragraphs of 2–4, and
 * the spans of every entity written into the body. Plain Java; stateless between articles.
 */
final class ArticleComposer {

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int MIN_SENTENCES = 10;
    private static final int MAX_SENTENCES = 20;
    private static final int CAST_PER_SLOT = 3;
    private static final double FILLER_SHARE = 0.15;
    private static final double ALIAS_SHARE = 0.25;
    private static final double CLAUSE_SHARE = 0.6;
    /**
     * Chance of a particle before a function word of a template's own text. The book has about ten sentences per
     * topic, so without it two articles of a topic share most of their word 5-grams (measured: mean word
     * 5-shingle Jaccard 0.08 over random pairs, 8% of pairs at 0.15 or more), where real reporting shares
     * almost none (news-dev: 99.7% of pairs share no 5-shingle); near-duplicate detection would then be timed
     * on a corpus that is one big family of rewrites.
     */
    private static final double PARTICLE_SHARE = 0.6;

    private final TemplateBook book;
    private final EntityPool pool;
    private final List<String> topicNames;

    ArticleComposer(TemplateBook book, EntityPool pool) {
        this.book = book;
        this.pool = pool;
        this.topicNames = book.topics().keySet().stream().sorted().toList();
    }

    /** Article number {@code index} of a corpus spread over {@code days} days; the same for the same seed. */
    GeneratedArticle compose(long seed, int index, int days) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        String topicName = topicNames.get(rng.nextInt(topicNames.size()));
        TemplateBook.Topic topic = book.topics().get(topicName);
        LocalDate date = FIRST_DAY.plusDays(rng.nextInt(days));
        LocalTime time = LocalTime.of(6 + rng.nextInt(17), rng.nextInt(60));
        String source = book.sources().get(rng.nextInt(book.sources().size()));
        Map<String, List<EntityPool.Candidate>> cast = new HashMap<>();

        String title = render(pick(topic.titles(), rng), cast, date, rng, 0, null);
        List<PlantedMention> mentions = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        int sentences = MIN_SENTENCES + rng.nextInt(MAX_SENTENCES - MIN_SENTENCES + 1);
        int bodyLength = 0;
        String previous = null;
        while (sentences > 0) {
            int inParagraph = Math.min(sentences, 2 + rng.nextInt(3));
            StringBuilder paragraph = new StringBuilder();
            int paragraphStart = paragraphs.isEmpty() ? 0 : bodyLength + 1;
            for (int s = 0; s < inParagraph; s++) {
                String template;
                do {
                    template = rng.nextDouble() < FILLER_SHARE ? pick(book.fillers(), rng) : pick(topic.sentences(), rng);
                } while (template.equals(previous));
                previous = template;
                if (s > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(render(template, cast, date, rng, paragraphStart + paragraph.length(), mentions));
                if (rng.nextDouble() < CLAUSE_SHARE && paragraph.charAt(paragraph.length() - 1) == '.') {
                    paragraph.insert(paragraph.length() - 1, ", " + vary(pick(book.clauses(), rng), rng));
                }
            }
            bodyLength = paragraphStart + paragraph.length();
            paragraphs.add(paragraph.toString());
            sentences -= inParagraph;
        }
        // A credit line alone: ingest drops it, so the body and the planted mentions are the paragraphs'.
        String caption = "Ảnh: " + pick(book.photoCredits(), rng);
        String sourceLine = rng.nextInt(4) == 0 ? "Nguồn: " + source + ".vn" : null;
        String docId = source + "/" + date + "/" + index;
        return new GeneratedArticle(docId, source, date, time, topicName, title, List.copyOf(paragraphs), caption,
                sourceLine, List.copyOf(mentions));
    }

    /**
     * Fills the slots of {@code template}. Entity slots draw from the article's cast; when
     * {@code planted} is not null each entity written is recorded with its span, {@code offset} being
     * where the rendered text will start in the body.
     */
    private String render(String template, Map<String, List<EntityPool.Candidate>> cast, LocalDate date,
                          SplittableRandom rng, int offset, List<PlantedMention> planted) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(vary(template.substring(i), rng));
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed slot in template: " + template);
            }
            out.append(vary(template.substring(i, open), rng));
            String slot = template.substring(open + 1, close);
            int start = offset + out.length();
            switch (slot) {
                case "NUM" -> out.append(2 + rng.nextInt(300));
                case "PCT" -> out.append(1 + rng.nextInt(40)).append(',').append(rng.nextInt(10)).append('%');
                case "YEAR" -> out.append(date.getYear() + rng.nextInt(2));
                case "DAY" -> {
                    LocalDate day = date.minusDays(rng.nextInt(2));
                    out.append(day.getDayOfMonth()).append('/').append(day.getMonthValue());
                }
                case "ROLE" -> {
                    Optional<Map.Entry<String, String>> role = pool.pickRole(date, rng);
                    // With no known holder on the day, the sentence names the country's government instead.
                    String title = role.map(Map.Entry::getKey).orElse("người phát ngôn chính phủ");
                    out.append(title);
                    if (planted != null && role.isPresent()) {
                        planted.add(new PlantedMention(role.get().getValue(), title, start, start + title.length(),
                                "kb_role"));
                    }
                }
                default -> {
                    if (!pool.hasSlot(slot)) {
                        throw new IllegalArgumentException("unknown slot {" + slot + "} in template: " + template);
                    }
                    List<EntityPool.Candidate> members = cast.computeIfAbsent(slot, s -> castFor(s, rng));
                    EntityPool.Candidate entity = members.get(rng.nextInt(members.size()));
                    List<String> surfaces = entity.surfaces();
                    String surface = surfaces.size() > 1 && rng.nextDouble() < ALIAS_SHARE
                            ? surfaces.get(1 + rng.nextInt(surfaces.size() - 1)) : surfaces.get(0);
                    out.append(surface);
                    if (planted != null) {
                        planted.add(new PlantedMention(entity.entityId(), surface, start, start + surface.length(),
                                "kb"));
                    }
                }
            }
            i = close + 1;
        }
        return out.toString();
    }

    /**
     * The template text {@code literal} with a particle now and then before one of its function words (của,
     * và, để…: they begin a phrase, so the particle never splits a word of two syllables). The literal's ends,
     * next to a slot, are left alone, so planted names and their spans are untouched.
     */
    private String vary(String literal, SplittableRandom rng) {
        String[] words = literal.split(" ", -1);
        StringBuilder out = new StringBuilder(literal.length() + 16);
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                if (!words[w - 1].isEmpty() && book.particleSites().contains(words[w])
                        && rng.nextDouble() < PARTICLE_SHARE) {
                    String particle;
                    do {
                        particle = pick(book.particles(), rng);
                    } while (particle.equals(words[w]));
                    out.append(' ').append(particle);
                }
                out.append(' ');
            }
            out.append(words[w]);
        }
        return out.toString();
    }

    private List<EntityPool.Candidate> castFor(String slot, SplittableRandom rng) {
        List<EntityPool.Candidate> members = new ArrayList<>(CAST_PER_SLOT);
        for (int i = 0; i < CAST_PER_SLOT; i++) {
            members.add(pool.pick(slot, rng));
        }
        return members;
    }

    private static String pick(List<String> options, SplittableRandom rng) {
        return options.get(rng.nextInt(options.size()));
    }
}
