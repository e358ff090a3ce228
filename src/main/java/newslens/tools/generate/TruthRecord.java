package newslens.tools.generate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One line of {@code _truth.jsonl}: what the generator planted in one article. */
public record TruthRecord(@JsonProperty("doc_id") String docId, String source, String date, String topic,
                          List<PlantedMention> mentions, Map<String, Integer> counts) {}
