package newslens.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import newslens.SparkTestSession;
import newslens.TestData;
import newslens.app.MainRunner;
import newslens.table.Granularity;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline over news-dev's 693 articles, and the aggregates recomputed by another path: plain
 * Java over the collected {@code mentions} and {@code articles} (skipped where ../shared is absent).
 */
@Tag("slow")
class NewsDevCooccurrenceTest {

    @TempDir
    Path tmp;

    @Test
    void aggregatesReconcileWithMentionsAndDuplicatesCountOnce() throws java.io.IOException {
        Path out = tmp.resolve("out");
        Path config = tmp.resolve("config.json");
        // No cap on entities per window, so the plain recount below needs no copy of the capping rule.
        java.nio.file.Files.writeString(config, "{\"cooccurrence\": {\"maxEntitiesPerWindow\": 100000}}");
        long t0 = System.nanoTime();
        // The three stages this test is about, each on its own (as the commands run them); not topics.
        assertEquals(0, MainRunner.run("ingest", "--input", TestData.shared("news-dev", "articles.jsonl").toString(),
                "--output", out.toString(), "--config", config.toString()));
        assertEquals(0, MainRunner.run("entities", "--output", out.toString(), "--config", config.toString()));
        assertEquals(0, MainRunner.run("cooccurrence", "--output", out.toString(), "--config", config.toString()));
        System.out.printf("news-dev ingest, entities, cooccurrence: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        SparkSession spark = SparkTestSession.get();
        Map<String, LocalDate> dateOf = new HashMap<>();
        Set<String> duplicates = new HashSet<>();
        for (Row a : spark.read().parquet(out.resolve("articles").toString())
                .select("doc_id", "published_date", "duplicate_of").collectAsList()) {
            if (!a.isNullAt(2)) {
                duplicates.add(a.getString(0));
            }
            dateOf.put(a.getString(0), a.isNullAt(1) ? null : ((Date) a.get(1)).toLocalDate());
        }
        assertFalse(duplicates.isEmpty(), "news-dev holds a syndicated copy");

        // entity -> articles, and (sentence window) -> entities, from mentions of counted articles only
        Map<String, Set<String>> docsOf = new HashMap<>();
        Map<String, Set<String>> sentenceEntities = new HashMap<>();
        boolean duplicateHasMentions = false;
        for (Row m : spark.read().parquet(out.resolve("mentions").toString())
                .select("doc_id", "sentence", "entity_id").collectAsList()) {
            if (duplicates.contains(m.getString(0))) {
                duplicateHasMentions = true;
                continue;
            }
            docsOf.computeIfAbsent(m.getString(2), k -> new TreeSet<>()).add(m.getString(0));
            sentenceEntities.computeIfAbsent(m.getString(0) + "#" + m.getInt(1), k -> new TreeSet<>())
                    .add(m.getString(2));
        }
        assertTrue(duplicateHasMentions, "duplicates get their mentions but are not counted");

        List<Row> frequencies = spark.read().parquet(out.resolve("entity_frequency").toString())
                .filter("granularity IN ('all', 'month')").orderBy("entity_id", "period_start").limit(200).collectAsList();
        assertFalse(frequencies.isEmpty());
        for (Row f : frequencies) {
            String entity = f.getAs("entity_id");
            LocalDate period = f.isNullAt(1) ? null : ((Date) f.get(1)).toLocalDate();
            Granularity g = Granularity.valueOf(f.<String>getAs("granularity").toUpperCase());
            long expected = docsOf.getOrDefault(entity, Set.of()).stream()
                    .filter(doc -> g == Granularity.ALL || period.equals(g.periodStart(dateOf.get(doc)))).count();
            assertEquals(expected, f.<Long>getAs("n_docs"), "entity_frequency of " + entity + " in " + g + " " + period);
        }

        List<Row> pairs = spark.read().parquet(out.resolve("cooccurrence").toString())
                .filter("granularity = 'all'").orderBy(org.apache.spark.sql.functions.desc("n_docs"),
                        org.apache.spark.sql.functions.col("entity_a"), org.apache.spark.sql.functions.col("entity_b"))
                .limit(100).collectAsList();
        assertFalse(pairs.isEmpty());
        for (Row p : pairs) {
            String a = p.getAs("entity_a");
            String b = p.getAs("entity_b");
            if (p.<String>getAs("scope").equals("document")) {
                Set<String> both = new HashSet<>(docsOf.get(a));
                both.retainAll(docsOf.get(b));
                assertEquals(both.size(), p.<Long>getAs("n_docs"), "documents with " + a + " and " + b);
            } else {
                long windows = sentenceEntities.values().stream().filter(s -> s.contains(a) && s.contains(b)).count();
                assertEquals(windows, p.<Long>getAs("n_windows"), "sentences with " + a + " and " + b);
            }
        }
    }
}
