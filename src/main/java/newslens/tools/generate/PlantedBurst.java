package newslens.tools.generate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of {@code _bursts.jsonl}: a person the generator made to surge from {@code start} to
 * {@code end} (ISO dates, both included), named in about {@code share} of those days' articles.
 */
public record PlantedBurst(@JsonProperty("entity_id") String entityId, String name, String start, String end,
                           double share) {}
