package newslens.tools.generate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newslens.entities.EntityType;

/**
 * The writing material of the synthetic corpus, from {@code newslens/tools/generate/templates.json}: sentence
 * templates per topic, the slots they use and which knowledge-base entries fill each slot, sources,
 * photo credits, clauses that lengthen a sentence, filler sentences without entities and the particles
 * that vary a template's wording from one article to the next, and the function words they may precede.
 */
record TemplateBook(Map<String, Slot> slots, List<String> sources, List<String> photoCredits,
                    Map<String, Topic> topics, List<String> clauses, List<String> fillers, List<String> particles,
                    Set<String> particleSites) {

    /** Knowledge-base entries of {@code type} whose kind is one of {@code kinds} (any kind when empty). */
    record Slot(EntityType type, List<String> kinds) {
        boolean accepts(EntityType entityType, String kind) {
            return entityType == type && (kinds.isEmpty() || kinds.contains(kind));
        }
    }

    record Topic(List<String> titles, List<String> sentences) {}

    private static final String RESOURCE = "newslens/tools/generate/templates.json";

    static TemplateBook standard() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = TemplateBook.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application jar");
            }
            return json.readValue(in, TemplateBook.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
