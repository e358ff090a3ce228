package newslens.tools.generate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entity the generator wrote into an article body: {@code [start, end)} in the body as ingest
 * stores it (paragraphs joined by a line break), the entity it names, and {@code method}
 * {@code kb} (a name or alias) or {@code kb_role} (an office title naming its holder on the day).
 */
public record PlantedMention(@JsonProperty("entity_id") String entityId, String surface, int start, int end,
                             String method) {}
