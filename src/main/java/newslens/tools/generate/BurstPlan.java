package newslens.tools.generate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bursts to plant in a synthetic corpus, the ground truth of the trends stage: {@code bursts} persons,
 * each made to surge for {@code minDays} to {@code maxDays} consecutive days, named in about
 * {@code share} of those days' articles by one added sentence (from
 * {@code newslens/tools/generate/burst-sentences.json}), and otherwise as quiet as the generator keeps
 * them: they are the last persons of the pool, the ones its skewed pick seldom draws.
 *
 * <p>Bursts start in the last two thirds of the corpus, so each has a quiet baseline before it, and do
 * not overlap. The articles outside a burst are exactly what the generator writes without a plan, and
 * the same seed gives the same bursts.
 */
public record BurstPlan(int bursts, int minDays, int maxDays, double share) {

    public static final String TRUTH_FILE = "_bursts.jsonl";
    /** No bursts: the corpus the generator writes without a plan. */
    public static final BurstPlan NONE = new BurstPlan(0, 1, 1, 1.0);

    private static final String SENTENCES = "newslens/tools/generate/burst-sentences.json";
    private static final String PERSON_SLOT = "PER";
    /** Mixed into the seed so burst draws never repeat the composer's. */
    private static final long SALT = 0x5DEECE66DL;

    public BurstPlan {
        if (bursts < 0) {
            throw new IllegalArgumentException("bursts must be 0 or more, got " + bursts);
        }
        if (minDays < 1 || maxDays < minDays) {
            throw new IllegalArgumentException("burst days must satisfy 1 <= minDays <= maxDays, got "
                    + minDays + " and " + maxDays);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("burst share must be in (0, 1], got " + share);
        }
    }

    /** The bursts of a corpus of {@code days} days from {@link ArticleComposer#FIRST_DAY}. */
    List<PlantedBurst> place(long seed, int days, EntityPool pool) {
        List<PlantedBurst> placed = new ArrayList<>();
        if (bursts == 0) {
            return placed;
        }
        int firstStart = days / 3;
        int room = days - firstStart;
        if (room < bursts * (maxDays + 1)) {
            throw new IllegalArgumentException(bursts + " bursts of up to " + maxDays + " days need " + bursts * (maxDays + 1)
                    + " days in the last two thirds of the corpus, a corpus of " + days + " days has " + room);
        }
        List<EntityPool.Candidate> persons = pool.candidates(PERSON_SLOT);
        if (persons.size() < bursts) {
            throw new IllegalArgumentException(bursts + " bursts need as many persons, the pool has " + persons.size());
        }
        SplittableRandom rng = new SplittableRandom(seed ^ SALT);
        // Each burst gets its own stretch of the last two thirds, and a random place and length in it.
        int stretch = room / bursts;
        for (int b = 0; b < bursts; b++) {
            int length = minDays + rng.nextInt(maxDays - minDays + 1);
            int start = firstStart + b * stretch + rng.nextInt(stretch - length + 1);
            EntityPool.Candidate person = persons.get(persons.size() - 1 - b);
            LocalDate from = ArticleComposer.FIRST_DAY.plusDays(start);
            placed.add(new PlantedBurst(person.entityId(), person.surfaces().get(0), from.toString(),
                    from.plusDays(length - 1).toString(), share));
        }
        return placed;
    }

    /** {@code article}, with a sentence naming the person of a burst on its day when its draw says so. */
    GeneratedArticle plant(GeneratedArticle article, List<PlantedBurst> placed, long seed, int index,
                           List<String> sentences) {
        for (PlantedBurst burst : placed) {
            String day = article.date().toString();
            if (day.compareTo(burst.start()) < 0 || day.compareTo(burst.end()) > 0) {
                continue;
            }
            SplittableRandom rng = new SplittableRandom((seed ^ SALT) * 0x9E3779B97F4A7C15L + index);
            if (rng.nextDouble() >= share) {
                return article;
            }
            String template = sentences.get(rng.nextInt(sentences.size()));
            int slot = template.indexOf("{" + PERSON_SLOT + "}");
            String sentence = template.replace("{" + PERSON_SLOT + "}", burst.name());
            int start = article.body().length() + 1 + slot;
            List<String> paragraphs = new ArrayList<>(article.paragraphs());
            paragraphs.add(sentence);
            List<PlantedMention> mentions = new ArrayList<>(article.mentions());
            mentions.add(new PlantedMention(burst.entityId(), burst.name(), start, start + burst.name().length(), "kb"));
            return new GeneratedArticle(article.docId(), article.source(), article.date(), article.time(),
                    article.topic(), article.title(), List.copyOf(paragraphs), article.caption(),
                    article.sourceLine(), List.copyOf(mentions));
        }
        return article;
    }

    /** The added sentences, from the resource. */
    static List<String> sentences() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = BurstPlan.class.getClassLoader().getResourceAsStream(SENTENCES)) {
            if (in == null) {
                throw new IllegalStateException(SENTENCES + " is missing from the application jar");
            }
            List<String> sentences = json.readValue(in, Sentences.class).sentences();
            if (sentences.isEmpty() || sentences.stream().anyMatch(s -> !s.contains("{" + PERSON_SLOT + "}"))) {
                throw new IllegalStateException(SENTENCES + " must hold sentences, each with a {PER} slot");
            }
            return sentences;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Sentences(List<String> sentences) {}
}
