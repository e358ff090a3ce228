package newslens.tools.bench;

import newslens.tools.generate.CorpusGenerator;
import newslens.tools.generate.GeneratedCorpus;
import newslens.tools.generate.NearCopyPlan;
import newslens.tools.generate.PlantedMention;
import newslens.tools.generate.TruthRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import newslens.SparkTestSession;
import newslens.table.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark code path on a 200-article synthetic corpus with planted near-copies, the recall of the planted
 * entities, and the scoring of the planted copies.
 */
class BenchmarkTest {

    @TempDir
    Path temp;

    @Test
    void benchmarkRunsEveryStepAndTheStagesFindThePlantedEntities() throws IOException {
        GeneratedCorpus corpus = CorpusGenerator.generate(temp.resolve("corpus"), 200, "txt", 20, 11L,
                new NearCopyPlan(0.1));
        SparkSession spark = SparkTestSession.get();
        // Topics (an LDA fit) is left out: it is the slowest stage and has nothing to do with entity recall.
        Report report = Benchmark.run(spark, corpus.root(), temp.resolve("work"),
                new Benchmark.Steps(false, true, true));
        System.out.print(report.table());

        assertEquals(200, report.files(), "the hidden _truth.jsonl and _copies.jsonl are not read");
        assertEquals(corpus.root().toAbsolutePath().toString(), report.input(), "the user's input, not the links");
        assertEquals(200, report.articles());
        assertEquals(List.of("read-only binaryFile", "read-only binaryFile packed", "ingest", Benchmark.DEDUP_ROW,
                        "entities", "cooccurrence", "trends", "run (4 stages)", "recognise only: ours",
                        "recognise only: EntityRuler", "nightly batch (+2 articles)"),
                report.rows().stream().map(Report.Row::stage).toList());
        // Ratios are to the faster read-only pass (which is 1.0); no row's speed is asserted: a timed
        // assertion fails on a busy machine, and recognition alone can beat reading the raw files.
        // Near-duplicate detection is timed by ingest, which may report none: then its row has no rates.
        assertTrue(report.rows().stream().filter(r -> !r.stage().equals(Benchmark.DEDUP_ROW))
                .allMatch(r -> r.seconds() > 0 && r.ratioToReadOnly() > 0), report.table());
        Report.Row dedup = report.rows().get(3);
        Report.Row ingest = report.rows().get(2);
        assertTrue(dedup.seconds() >= 0 && dedup.seconds() <= ingest.seconds() && (dedup.seconds() == 0
                || dedup.ratioToReadOnly() > 0), report.table());

        // What each step's tasks moved: ingest reads every file and writes at least one row per article; the
        // run's row is its stages' sum; near-duplicate detection is a part of ingest, with no traffic of its own.
        assertNull(dedup.traffic());
        assertTrue(ingest.traffic().inputRows() >= 200 && ingest.traffic().outputRows() >= 200
                && ingest.traffic().outputBytes() > 0, report.table());
        Map<String, Report.Row> byStage = new HashMap<>();
        report.rows().forEach(row -> byStage.put(row.stage(), row));
        List<Report.Traffic> stages = Stream.of("ingest", "entities", "cooccurrence", "trends")
                .map(stage -> byStage.get(stage).traffic()).toList();
        assertTrue(stages.stream().allMatch(traffic -> traffic.outputRows() > 0), report.table());
        assertTrue(byStage.get("cooccurrence").traffic().shuffleBytes() > 0, report.table());
        assertEquals(Report.Traffic.sum(stages), byStage.get("run (4 stages)").traffic(), report.table());

        // The planted copies, scored on the articles table the run wrote.
        List<NearCopyPlan.CopyTruth> plantedCopies = NearCopyPlan.readTruth(corpus.root().resolve(NearCopyPlan.COPIES_FILE));
        PlantedCopies.Score copies = report.plantedCopies();
        assertNotNull(copies, report.table());
        assertEquals(plantedCopies.size(), copies.plantedCopies());
        assertEquals(0, copies.missingArticles());
        assertEquals(PlantedCopies.score(plantedCopies, Map.of(), 0).truePairs(), copies.truePairs());
        assertTrue(copies.truePairs() >= plantedCopies.size() && copies.correctPairs() <= copies.truePairs()
                && copies.correctPairs() <= copies.foundPairs(), report.table());
        assertTrue(copies.recall() >= 0 && copies.recall() <= 1, report.table());
        assertTrue(copies.precision() == null || copies.precision() >= 0 && copies.precision() <= 1, report.table());
        assertTrue(report.table().contains("planted copies: precision "), report.table());
        String json = Files.readString(temp.resolve("work").resolve(Benchmark.REPORT_FILE));
        assertTrue(json.contains("\"plantedCopies\"") && json.contains("\"truePairs\" : " + copies.truePairs())
                && json.contains(Benchmark.DEDUP_ROW), json);
        assertEquals(1.0, Math.min(report.rows().get(0).ratioToReadOnly(), report.rows().get(1).ratioToReadOnly()),
                report.table());
        assertNotNull(report.oursOverPeer(), report.table());
        assertTrue(report.driverLiveHeapBytes() > 0 && report.driverLiveHeapBytes() < report.driverMaxHeapBytes(),
                report.table());
        assertTrue(Files.isRegularFile(temp.resolve("work").resolve(Benchmark.REPORT_FILE)));
        // The nightly batch: 1% new articles beside the archive (never written into the input), read alone by
        // an incremental run that keeps the archive's rows.
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("nightly batch: 2 new articles")
                && n.contains("filesListed=202") && n.contains("filesRead=2,") && n.contains("articles=202,")
                && n.contains("bodiesSigned=2,")),
                String.join("\n", report.notes()));
        try (var inInput = Files.walk(corpus.root())) {
            assertEquals(0, inInput.filter(p -> p.toString().contains(NightlyBatch.BATCH_FOLDER)).count());
        }

        Map<String, String> texts = new HashMap<>();
        for (Row row : spark.read().parquet(temp.resolve("work/tables").resolve(Tables.ARTICLES).toString())
                .select("doc_id", "text").collectAsList()) {
            texts.put(row.getString(0), row.getString(1));
        }
        Set<String> found = new HashSet<>();
        for (Row row : spark.read().parquet(temp.resolve("work/tables").resolve(Tables.MENTIONS).toString())
                .select("doc_id", "start", "end", "entity_id").collectAsList()) {
            found.add(row.getString(0) + "|" + row.getInt(1) + "|" + row.getInt(2) + "|" + row.getString(3));
        }
        long planted = 0;
        long recalled = 0;
        for (TruthRecord truth : CorpusGenerator.readTruth(corpus.truth())) {
            String text = texts.get(truth.docId());
            assertNotNull(text, truth.docId());
            for (PlantedMention mention : truth.mentions()) {
                assertEquals(mention.surface(), text.substring(mention.start(), mention.end()), truth.docId());
                planted++;
                if (found.contains(truth.docId() + "|" + mention.start() + "|" + mention.end() + "|"
                        + mention.entityId())) {
                    recalled++;
                }
            }
        }
        double recall = (double) recalled / planted;
        assertTrue(recall >= 0.8, "recall of planted mentions " + recall + " (" + recalled + "/" + planted + ")");
    }

    @Test
    void tableShowsEveryRowAndThePeerComparison() {
        Report report = new Report("in", "local[2]", 2, 4_000_000, 10, List.of(
                new Report.Row("read-only binaryFile", 0.5, 20, 8, 1, 1 << 20, 0, null, "d"),
                new Report.Row("entities", 2, 5, 2, 4, 1 << 20, 3L << 20,
                        new Report.Traffic(10, 1234, 2_500_000, 7_000_000), "x mentions")), 0.25, 1 << 21, 1 << 22,
                5L << 20, List.of("n"));
        String table = report.table();
        assertTrue(table.contains("entities") && table.contains("4.0") && table.contains("ours 4.0x faster"), table);
        assertTrue(table.contains(" 1234 ") && table.contains(" 2.5 ") && table.contains(" 7.0 "), table);
        assertTrue(table.lines().anyMatch(line -> line.startsWith("read-only binaryFile") && line.contains(" - ")),
                table);
        assertTrue(table.contains("driver kept at most 2 MB of 4 MB") && table.contains("largest executor used at most 5 MB"),
                table);
        assertNull(new Report("in", "m", 0, 0, 0, List.of(), null, 0, 0, 0, List.of()).oursOverPeer());
        assertTrue(!table.contains("planted copies"), table);
    }

    @Test
    void tableShowsThePlantedCopiesScoreWithExamples() {
        PlantedCopies.Score score = new PlantedCopies.Score(5, 8, 1, 7, 8, 5, 5.0 / 8, 5.0 / 7, List.of("a0 ~ a2"),
                List.of("b0 ~ x", "y ~ z"));
        String table = new Report("in", "m", 0, 0, 0, List.of(), null, 0, 0, 0, score, List.of()).table();
        assertTrue(table.contains("planted copies: precision 0.6250 (5 of 8 found pairs planted), recall 0.7143"
                + " (5 of 7 planted pairs found); 5 copies, 8 articles in planted groups, 1 of them not in articles"),
                table);
        assertTrue(table.contains("missed, e.g.: a0 ~ a2") && table.contains("merged but not planted, e.g.: b0 ~ x,"
                + " y ~ z"), table);
        assertTrue(new PlantedCopies.Score(0, 0, 0, 0, 0, 0, null, null, List.of(), List.of()).summary()
                .startsWith("planted copies: precision n/a"));
    }
}
