package newslens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newslens.table.Tables;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The README is the user's reference: its "Output tables" section must name every public table of
 * {@link Tables#ALL} with exactly the columns and types of its schema, and its "Configuration" table
 * every key of the embedded defaults with its default value. A change to either side fails here until
 * the other follows.
 */
class ReadmeTableReferenceTest {

    /** A reference row: {@code | `name` | `type or value` | meaning |}. */
    private static final Pattern REFERENCE_ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|");
    private static final Pattern TABLE_HEADING = Pattern.compile("^### (\\S+)\\s*$");

    private static final Path README = Path.of("README.md");

    /** The README is the user's manual, under 25 KB: history, figures and design belong in docs/. */
    @Test
    void theManualStaysUnder25Kilobytes() throws IOException {
        long size = Files.size(README);
        assertTrue(size < 25 * 1024, "README.md is " + size + " bytes; move what is not a user's manual to docs/");
    }

    @Test
    void everyPublicTableAndColumnIsDocumentedWithItsType() throws IOException {
        Map<String, List<String[]>> documented = documentedTables(section(readme(), "Output tables"));

        assertEquals(new LinkedHashSet<>(Tables.ALL), documented.keySet(),
                "the README's '### table' headings under 'Output tables' must be exactly Tables.ALL");
        for (String table : Tables.ALL) {
            StructType schema = Tables.schemaOf(table);
            Map<String, String> documentedTypes = new LinkedHashMap<>();
            for (String[] row : documented.get(table)) {
                assertFalse(documentedTypes.containsKey(row[0]), table + "." + row[0] + " is documented twice");
                documentedTypes.put(row[0], row[1]);
            }
            Map<String, String> schemaTypes = new LinkedHashMap<>();
            for (StructField field : schema.fields()) {
                schemaTypes.put(field.name(), field.dataType().simpleString());
            }
            for (String column : schemaTypes.keySet()) {
                assertTrue(documentedTypes.containsKey(column), table + "." + column + " is not in the README");
            }
            for (String column : documentedTypes.keySet()) {
                assertTrue(schemaTypes.containsKey(column),
                        "the README documents " + table + "." + column + ", which the schema does not have");
            }
            assertEquals(schemaTypes, documentedTypes, "column types of " + table + " (Spark SQL names)");
        }
    }

    @Test
    void everyConfigurationKeyIsDocumentedWithItsDefault() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode defaults;
        try (InputStream in = ReadmeTableReferenceTest.class.getResourceAsStream("/newslens/default-config.json")) {
            defaults = json.readTree(in);
        }
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        flatten("", defaults, expected);

        Map<String, JsonNode> documented = new LinkedHashMap<>();
        for (String line : section(readme(), "Configuration")) {
            Matcher row = REFERENCE_ROW.matcher(line);
            if (row.find()) {
                assertFalse(documented.containsKey(row.group(1)), row.group(1) + " is documented twice");
                documented.put(row.group(1), json.readTree(row.group(2)));
            }
        }
        assertEquals(expected.keySet(), documented.keySet(), "configuration keys in the README's table");
        assertEquals(expected, documented, "defaults in the README's configuration table");
    }

    private static List<String> readme() throws IOException {
        return Files.readAllLines(README, StandardCharsets.UTF_8);
    }

    /** The lines of a {@code ## title} section, up to the next {@code ## } heading. */
    private static List<String> section(List<String> lines, String title) {
        int start = lines.indexOf("## " + title);
        assertTrue(start >= 0, "the README has no '## " + title + "' section");
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            section.add(line);
        }
        return section;
    }

    /** Each {@code ### table} heading with the (column, type) rows of the markdown table under it. */
    private static Map<String, List<String[]>> documentedTables(List<String> section) {
        Map<String, List<String[]>> tables = new LinkedHashMap<>();
        List<String[]> current = null;
        for (String line : section) {
            Matcher heading = TABLE_HEADING.matcher(line);
            if (heading.matches()) {
                assertFalse(tables.containsKey(heading.group(1)), "table " + heading.group(1) + " documented twice");
                current = new ArrayList<>();
                tables.put(heading.group(1), current);
                continue;
            }
            Matcher row = REFERENCE_ROW.matcher(line);
            if (row.find()) {
                assertTrue(current != null, "a column row before any '### table' heading: " + line);
                current.add(new String[] {row.group(1), row.group(2)});
            }
        }
        return tables;
    }

    /** Leaf keys of the configuration as dotted paths; an empty object (userTopics) is a value. */
    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> into) {
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else {
            into.put(prefix, node);
        }
    }
}
