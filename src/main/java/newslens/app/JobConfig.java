package newslens.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import newslens.cooccurrence.CooccurrenceStage;
import newslens.ingest.dedup.DedupOptions;
import newslens.topics.TopicsStage;
import newslens.trends.TrendsStage;

/**
 * The job's settings: the defaults embedded in the application ({@code newslens/default-config.json})
 * with the user's {@code --config} file laid over them key by key. An unknown key is an error that
 * names it, so a typo never silently falls back to a default.
 */
public record JobConfig(Ingest ingest, DedupOptions dedup, Dates dates, Entities entities,
                        CooccurrenceStage.Options cooccurrence, TopicsStage.Options topics,
                        TrendsStage.Options trends) {

    public record Ingest(List<String> extensions, long maxFileBytes, long targetPartitionBytes, int listingFanOut) {}

    /** {@code knowledgeBase}: the user's own knowledge-base JSON files, laid over the shipped one. */
    public record Entities(List<String> knowledgeBase) {}


    /** {@code defaultDate}: ISO date for batches whose files are known to be from one day, or null. */
    public record Dates(String defaultDate) {
        public Dates {
            if (defaultDate != null) {
                parseDate("dates.defaultDate", defaultDate);
            }
        }

        public LocalDate defaultLocalDate() {
            return defaultDate == null ? null : LocalDate.parse(defaultDate);
        }
    }

    /** The topics stage's options with {@code --topics K} and {@code --refit} from the command line laid over them. */
    public TopicsStage.Options topicsOptions(Integer k, boolean refit) {
        TopicsStage.Options options = k == null ? topics : topics.withK(k);
        return refit ? options.withRefit() : options;
    }

    static LocalDate parseDate(String what, String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a date like 2024-10-31, got '" + value + "'");
        }
    }

    /** The same settings with the day of a one-day batch given on the command line. */
    public JobConfig withDefaultDate(String isoDate) {
        return new JobConfig(ingest, dedup, new Dates(isoDate), entities, cooccurrence, topics, trends);
    }

    /** The configuration a command line asks for: the defaults, overlaid with {@code --config FILE} when given. */
    static JobConfig of(CommandLine cli) {
        return load(cli.option("config") == null ? null : Path.of(cli.option("config")));
    }

    /** The defaults with a JSON object of settings laid over them, as a {@code --config} file would be. */
    public static JobConfig withSettings(String json) {
        try {
            JsonNode merged = defaults();
            merge((ObjectNode) merged, JSON.readTree(json));
            return fromTree(merged, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public static JobConfig load(Path userFile) {
        try {
            JsonNode merged = defaults();
            if (userFile != null) {
                if (!Files.isRegularFile(userFile)) {
                    throw new IllegalArgumentException("--config " + userFile + ": no such file");
                }
                JsonNode user;
                try {
                    user = JSON.readTree(userFile.toFile());
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("--config " + userFile + " is not valid JSON: "
                            + e.getOriginalMessage());
                }
                if (!user.isObject()) {
                    throw new IllegalArgumentException("--config " + userFile + " must hold a JSON object");
                }
                merge((ObjectNode) merged, user);
            }
            return fromTree(merged, userFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JobConfig fromTree(JsonNode tree, Path userFile) {
        String source = userFile == null ? "configuration" : "--config " + userFile;
        try {
            return JSON.treeToValue(tree, JobConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(source + ": unknown setting '" + settingPath(e) + "' (known: "
                    + e.getKnownPropertyIds() + ")");
        } catch (ValueInstantiationException e) {
            // A section's own validation (a record's compact constructor) names the setting and the bad value.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(source + ": " + cause.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage());
        }
    }

    /** The dotted path of a setting, e.g. {@code topics.kk}. */
    private static String settingPath(JsonMappingException e) {
        return e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining("."));
    }

    private static JsonNode defaults() throws IOException {
        try (InputStream in = JobConfig.class.getResourceAsStream("/newslens/default-config.json")) {
            if (in == null) {
                throw new IllegalStateException("default-config.json is missing from the application jar");
            }
            return JSON.readTree(in);
        }
    }

    /** Objects merge key by key; any other value (including arrays) replaces the default. */
    private static void merge(ObjectNode base, JsonNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = base.get(field.getKey());
            if (current instanceof ObjectNode currentObject && field.getValue().isObject()) {
                merge(currentObject, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }
}
