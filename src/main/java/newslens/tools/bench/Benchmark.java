package newslens.tools.bench;

import newslens.tools.generate.GeneratedCorpus;
import newslens.tools.generate.NearCopyPlan;
import newslens.tools.peer.PeerEntityRuler;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import newslens.app.JobConfig;
import newslens.app.StageAssembly;
import newslens.pipeline.PipelineRunner;
import newslens.pipeline.Stage;
import newslens.pipeline.StageResult;
import java.util.LinkedHashMap;
import java.util.Map;
import newslens.cooccurrence.CooccurrenceStage;
import newslens.entities.EntitiesStage;
import newslens.entities.rules.EntityRecognizer;
import newslens.entities.kb.KnowledgeBase;
import newslens.ingest.IngestStage;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import newslens.topics.TopicsStage;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Times, in one run over one input: a read-only Spark pass over the files (the floor any job pays), each
 * stage with the project's default configuration and the stages back to back, our recogniser alone over
 * the {@code articles} table, and Spark NLP's EntityRuler over the same table ({@link PeerEntityRuler}).
 * Tables go to {@code <workDir>/tables} (emptied first, so topics fits a model instead of reusing one);
 * the report is also written to {@code <workDir>/bench-report.json}.
 *
 * <p>Near-duplicate detection runs inside ingest; its row is the wall time ingest reports for it
 * ({@link IngestStage.Result#dedupSeconds()}: signatures, candidates, verification, grouping), already part
 * of the ingest row, with its ratio to the read-only floor like every row.
 *
 * <p>Nightly batch: 1% new articles are put beside the input ({@link NightlyBatch}, which reads the input
 * through links and never writes to it) and the same stages run again on the same tables, incrementally, as a
 * cron user's next night does; the row is that run's time, with its share of the full run's.
 *
 * <p>Planted copies: when the input is a generated corpus with {@code _copies.jsonl}
 * ({@link NearCopyPlan#COPIES_FILE}), the report scores the duplicate groups of the {@code articles} table this
 * run wrote against it ({@link Report#plantedCopies()}), over <em>pairs of articles</em>. A planted group is
 * an original and its copies (a copy of a copy joins its original's group, transitively); a found group is a
 * head and every article whose {@code duplicate_of} names it (a chain of duplicate_of is one group). Every
 * unordered pair of articles in one planted group is a true pair, every pair in one found group a found pair;
 * precision is the share of found pairs that are true, recall the share of true pairs that are found. Which
 * article is elected head does not matter. A planted article missing from {@code articles} (rejected) is in
 * no found group, so its pairs are missed. The counts are exact (from group sizes, no sampling) and do not
 * depend on the order of input; precision is null when no pair was found, recall when none was planted.
 */
public final class Benchmark {

    public static final String REPORT_FILE = "bench-report.json";
    /** The row of the near-duplicate detection ingest does, timed by ingest itself. */
    public static final String DEDUP_ROW = "near-duplicate detection (inside ingest)";

    /** Below Spark's 4 MB default, so many small files share a task, as ingest packs them. */
    static final String PACKED_OPEN_COST = "8k";

    /**
     * Which optional steps run: topics (an LDA fit, the slowest stage), the Spark NLP peer and the nightly batch
     * (a second run over the input and 1% new articles, {@link NightlyBatch}).
     */
    public record Steps(boolean topics, boolean peer, boolean nightly) {
        public static final Steps ALL = new Steps(true, true, true);
        /** The names {@link #skipping} knows, in the order of the run. */
        public static final List<String> NAMES = List.of("topics", "peer", "nightly");

        /**
         * Every step but the ones named in {@code names}, comma-separated ({@code topics,peer}); an unknown or
         * empty name is refused, naming it.
         */
        public static Steps skipping(String names) {
            Set<String> skipped = new HashSet<>();
            for (String name : names.split(",", -1)) {
                String step = name.strip();
                if (!NAMES.contains(step)) {
                    throw new IllegalArgumentException("--skip: no step '" + step + "' in '" + names
                            + "' (steps that can be skipped: " + String.join(", ", NAMES) + ")");
                }
                skipped.add(step);
            }
            return new Steps(!skipped.contains("topics"), !skipped.contains("peer"), !skipped.contains("nightly"));
        }
    }

    private record Timed<T>(T value, double seconds, long driverLiveHeapBytes, long executorPeakHeapBytes,
                            Report.Traffic traffic) {}

    /**
     * What the timed steps read besides their time: this JVM's heap after collections, the executors' peak
     * heap and the tasks' rows and bytes (both reported by Spark with each finished task).
     */
    private record Meters(SparkContext spark, DriverHeap driver, ExecutorHeap executors, TaskTraffic traffic) {
        void startInterval() {
            driver.startInterval();
            executors.startInterval();
            traffic.startInterval();
        }

        /** The step that began at {@link #startInterval()} and took {@code seconds}, with what it used. */
        <T> Timed<T> endInterval(T value, double seconds) {
            try {
                // Task reports reach the listeners on a thread of their own: wait until the step's last ones have.
                spark.listenerBus().waitUntilEmpty();
            } catch (TimeoutException e) {
                // then the figures lack the last reports; the time is unaffected
            }
            return new Timed<>(value, seconds, driver.endInterval(), executors.intervalPeakBytes(), traffic.interval());
        }
    }

    private Benchmark() {}

    public static Report run(SparkSession spark, Path input, Path workDir) {
        return run(spark, input, workDir, Steps.ALL);
    }

    public static Report run(SparkSession spark, Path input, Path workDir, Steps steps) {
        Path mirror = steps.nightly() ? NightlyBatch.mirror(input, workDir) : null;
        // With a nightly batch to add, every step reads the input through the mirror's links, so both runs
        // see the archive under one path.
        String inputPath = mirror != null ? mirror.toString() : input.toAbsolutePath().toString();
        Path tables = workDir.toAbsolutePath().resolve("tables");
        deleteRecursively(tables);
        List<String> notes = new ArrayList<>();
        ExecutorHeap executorHeap = new ExecutorHeap();
        TaskTraffic taskTraffic = new TaskTraffic();
        spark.sparkContext().addSparkListener(executorHeap);
        spark.sparkContext().addSparkListener(taskTraffic);
        try (DriverHeap driverHeap = new DriverHeap()) {
            Meters meters = new Meters(spark.sparkContext(), driverHeap, executorHeap, taskTraffic);
            describe(spark, "bench: start-up");
            spark.range(1).count(); // first job's start-up cost stays out of the rows

            Timed<long[]> readDefault = time(meters, () -> readOnly(spark, inputPath, null));
            Timed<long[]> readPacked = time(meters, () -> readOnly(spark, inputPath, PACKED_OPEN_COST));
            long files = readDefault.value()[0];
            long bytes = readDefault.value()[1];

            // The stages as a user's full run runs them: through the pipeline runner, tables handed over in memory.
            List<String> stageNames = StageAssembly.STAGES.stream()
                    .filter(stage -> steps.topics() || !stage.equals("topics")).toList();
            StagesRun full = runStages(spark, meters, stageNames, inputPath, tables, true, notes);
            Map<String, Timed<StageResult>> stageRuns = full.stages();
            double runSeconds = full.seconds();
            OutputLayout layout = full.layout();
            @SuppressWarnings("unchecked")
            Timed<IngestStage.Result> ingest = (Timed<IngestStage.Result>) (Timed<?>) stageRuns.get("ingest");
            Timed<StageResult> entities = stageRuns.get("entities");
            Timed<StageResult> cooccurrence = stageRuns.get("cooccurrence");
            Timed<StageResult> topics = stageRuns.get("topics");
            Timed<StageResult> trends = stageRuns.get("trends");
            long runPeak = stageRuns.values().stream().mapToLong(Timed::driverLiveHeapBytes).max().orElse(0);
            long runExecutorPeak = stageRuns.values().stream().mapToLong(Timed::executorPeakHeapBytes).max().orElse(0);

            String articlesTable = layout.table(Tables.ARTICLES);
            KnowledgeBase kb = KnowledgeBase.load();
            describe(spark, "bench: recognise only, ours");
            Timed<Long> ours = time(meters, () -> recogniseOnly(spark, articlesTable, new EntityRecognizer(kb)));
            describe(spark, "bench: recognise only, Spark NLP EntityRuler peer");
            Timed<PeerEntityRuler.Outcome> peer = steps.peer() ? time(meters, () -> PeerEntityRuler.run(spark,
                    articlesTable, workDir.toAbsolutePath().resolve("peer"), kb)) : null;

            long articles = ingest.value().articles();
            double floor = Math.min(readDefault.seconds(), readPacked.seconds());
            List<Report.Row> rows = new ArrayList<>();
            rows.add(row("read-only binaryFile", readDefault, articles, bytes, floor,
                    "Spark's default split (openCostInBytes 4 MB)"));
            rows.add(row("read-only binaryFile packed", readPacked, articles, bytes, floor,
                    "openCostInBytes " + PACKED_OPEN_COST));
            IngestStage.Result in = ingest.value();
            rows.add(row("ingest", ingest, articles, bytes, floor,
                    in.articles() + " articles, " + in.rejects() + " rejects, reconciled " + in.reconciled()));
            rows.add(row(DEDUP_ROW, new Timed<>(null, in.dedupSeconds(), ingest.driverLiveHeapBytes(),
                    ingest.executorPeakHeapBytes(), null), articles, bytes, floor, String.format(Locale.ROOT,
                    "%s%d near copies in %d groups (%d copies in all); %.0f%% of ingest",
                    in.dedupSeconds() > 0 ? "" : "not measured: ingest reported 0 s; ", in.nearDuplicates(),
                    in.duplicateGroups(), in.duplicates(), 100 * in.dedupSeconds() / ingest.seconds())));
            rows.add(row("entities", entities, articles, bytes, floor, entities.value().summary()));
            rows.add(row("cooccurrence", cooccurrence, articles, bytes, floor, cooccurrence.value().summary()));
            if (topics != null && topics.value() instanceof TopicsStage.Result t) {
                rows.add(row("topics", topics, articles, bytes, floor, String.format(Locale.ROOT,
                        "fit %.1f s, infer %.1f s", t.fitMillis() / 1e3, t.inferMillis() / 1e3)));
            }
            if (trends != null) {
                rows.add(row("trends", trends, articles, bytes, floor, trends.value().summary()));
            }
            rows.add(row("run (" + stageRuns.size() + " stages)", new Timed<>(null, runSeconds, runPeak,
                    runExecutorPeak, Report.Traffic.sum(stageRuns.values().stream().map(Timed::traffic).toList())),
                    articles, bytes, floor,
                    "the stages back to back, one pipeline run"));
            if (topics != null && topics.value() instanceof TopicsStage.Result t) {
                rows.add(row("run except the topic fit", new Timed<>(null, runSeconds - t.fitMillis() / 1e3, runPeak,
                        runExecutorPeak, null), articles, bytes, floor, "the run's time less the fit the topics stage reports"));
            }
            rows.add(row("recognise only: ours", ours, articles, bytes, floor, ours.value() + " mentions"));
            Double oursOverPeer = null;
            if (peer != null) {
                PeerEntityRuler.Outcome outcome = peer.value();
                rows.add(row("recognise only: EntityRuler", peer, articles, bytes, floor, outcome.error() == null
                        ? outcome.mentions() + " mentions" : "FAILED " + outcome.error()));
                oursOverPeer = outcome.error() == null ? ours.seconds() / peer.seconds() : null;
                notes.add("peer: DocumentAssembler -> Tokenizer -> EntityRulerApproach with " + outcome.patterns()
                        + " knowledge-base names and aliases (" + outcome.patternsOutsideAlphabet()
                        + " left out for characters outside its alphabet); it gets no generated short forms"
                        + " (V.Putin) and no office titles");
            }

            notes.add(DEDUP_ROW + ": the wall seconds ingest reports for it (signatures, candidates, verification,"
                    + " grouping), inside the ingest row's time; its heap columns are ingest's"
                    + (in.dedupSeconds() > 0 ? "" : "; ingest reported 0 s, so no rates"));
            PlantedCopies.Score plantedCopies = null;
            Path copiesFile = input.resolve(NearCopyPlan.COPIES_FILE);
            if (Files.isRegularFile(copiesFile)) {
                describe(spark, "bench: planted copies against the articles' duplicate groups");
                try {
                    plantedCopies = PlantedCopies.measure(spark, articlesTable, copiesFile);
                    notes.add("planted copies: " + copiesFile + " against the duplicate groups of " + articlesTable
                            + ", over pairs of articles in one group (a head counts as a member; see Benchmark)");
                } catch (RuntimeException e) {
                    notes.add("planted copies: not scored: " + e);
                }
            }
            if (steps.nightly()) {
                if (mirror == null) {
                    notes.add("nightly batch: not run: the input is not a local folder the benchmark can link to");
                } else {
                    rows.add(nightlyRow(spark, meters, stageNames, mirror, tables, articles, bytes, floor, runSeconds,
                            notes));
                }
            }
            notes.add("read-only: spark.read().format(\"binaryFile\") over the same files, sum(length(content)): "
                    + "every byte read, nothing decoded; the faster of its two rows is the floor");
            notes.add("rates are over the input: " + articles + " articles, " + bytes + " bytes in " + files + " files");
            notes.add("stages run with the default configuration and write their tables to " + tables);
            notes.add("recognise only: the articles table read, every article's mentions found and counted, "
                    + "nothing written");
            notes.add("rows in, rows out, MB out, shuffle MB: what the step's tasks read from files or kept blocks,"
                    + " wrote to files and wrote to shuffles, as Spark reports it with each finished task; the run's"
                    + " row and the nightly row sum their stages; a row that is a part of another step's time has none");
            notes.add("heap: the driver JVM's largest heap left after a garbage collection during the step (and"
                    + " after a full collection forced at its end, outside the timing), and the executors' peak"
                    + " JVMHeapMemory (used, garbage included) as Spark reports it with each task; in local mode"
                    + " the executors share the driver JVM, so the driver's figure is the whole job's");
            if (mirror != null) {
                notes.add("input: read through the links under " + mirror + ", so the nightly batch can sit beside it"
                        + " without writing into the input");
            }
            Report report = new Report(input.toAbsolutePath().toString(), spark.sparkContext().master(), files, bytes,
                    articles, rows, oursOverPeer, driverHeap.peakBytes(), driverHeap.maxBytes(),
                    executorHeap.peakBytes(), plantedCopies, notes);
            report.writeJson(workDir.resolve(REPORT_FILE));
            return report;
        } finally {
            spark.sparkContext().removeSparkListener(executorHeap);
            spark.sparkContext().removeSparkListener(taskTraffic);
        }
    }

    /** The stages of one pipeline run, each timed, and the run's wall time. */
    private record StagesRun(Map<String, Timed<StageResult>> stages, double seconds, OutputLayout layout) {}

    /** Runs {@code stageNames} through the pipeline runner, as {@code jobs/newslens run} does. */
    private static StagesRun runStages(SparkSession spark, Meters meters, List<String> stageNames, String inputPath,
                                       Path tables, boolean full, List<String> notes) {
        List<Stage> pipeline = StageAssembly.build(spark, new StageAssembly.Request(stageNames,
                JobConfig.load(null), inputPath, null, null, false));
        Map<String, Timed<StageResult>> stageRuns = new LinkedHashMap<>();
        PipelineRunner.StageObserver observer = new PipelineRunner.StageObserver() {
            @Override
            public void starting(Stage stage) {
                meters.startInterval();
            }

            @Override
            public void finished(PipelineRunner.StageReport report) {
                stageRuns.put(report.stage(), meters.endInterval(report.result(), report.seconds()));
            }
        };
        long runStart = System.nanoTime();
        OutputLayout layout;
        try {
            layout = new PipelineRunner(spark, observer).run(
                    new PipelineRunner.Invocation("bench", inputPath, full), tables.toString(), pipeline).layout();
        } catch (RuntimeException e) { // a failing stage is a finding of the benchmark, not its end
            notes.add((full ? "run" : "nightly run") + " FAILED after " + stageRuns.keySet() + ": " + e);
            layout = new OutputLayout(tables.toString(), "bench", spark.sparkContext().hadoopConfiguration());
        }
        return new StagesRun(stageRuns, (System.nanoTime() - runStart) / 1e9, layout);
    }

    /**
     * The "nightly batch" row: 1% new articles put beside the archive, and the same stages run again on the
     * same tables as an incremental run; its time against the full run's, and what each stage did.
     */
    private static Report.Row nightlyRow(SparkSession spark, Meters meters, List<String> stageNames, Path mirror,
                                         Path tables, long articles, long bytes, double floor, double fullSeconds,
                                         List<String> notes) {
        describe(spark, "bench: nightly batch, generating the new articles");
        GeneratedCorpus batch = NightlyBatch.addNewArticles(mirror, articles);
        StagesRun night = runStages(spark, meters, stageNames, mirror.toString(), tables, false, notes);
        long peak = night.stages().values().stream().mapToLong(Timed::driverLiveHeapBytes).max().orElse(0);
        long executorPeak = night.stages().values().stream().mapToLong(Timed::executorPeakHeapBytes).max().orElse(0);
        StringBuilder stages = new StringBuilder();
        night.stages().forEach((name, timed) -> stages.append(String.format(Locale.ROOT,
                "; %s %.1f s, driver %d MB after collections, %d rows in, %d rows out, %.1f MB shuffled: %s", name,
                timed.seconds(), timed.driverLiveHeapBytes() / (1024 * 1024), timed.traffic().inputRows(),
                timed.traffic().outputRows(), timed.traffic().shuffleBytes() / 1e6, timed.value())));
        notes.add("nightly batch: " + batch.docs() + " new articles (" + batch.files() + " files under "
                + mirror.resolve(NightlyBatch.BATCH_FOLDER) + ", dated the generator's first day), then an"
                + " incremental run of the same stages on the same tables" + stages);
        String ingest = night.stages().get("ingest") != null
                && night.stages().get("ingest").value() instanceof IngestStage.Result in
                ? String.format(Locale.ROOT, "; ingest read %d files, signed %d bodies", in.filesRead(),
                        in.bodiesSigned()) : "";
        return row("nightly batch (+" + batch.docs() + " articles)", new Timed<>(null, night.seconds(), peak,
                executorPeak, Report.Traffic.sum(night.stages().values().stream().map(Timed::traffic).toList())),
                articles, bytes, floor, String.format(Locale.ROOT, "%.0f%% of the full run's time%s",
                100 * night.seconds() / fullSeconds, ingest));
    }

    /** Files and bytes read: one row per file, every byte of its content. */
    private static long[] readOnly(SparkSession spark, String input, String openCostInBytes) {
        String key = "spark.sql.files.openCostInBytes";
        String previous = spark.conf().contains(key) ? spark.conf().get(key) : null;
        if (openCostInBytes != null) {
            spark.conf().set(key, openCostInBytes);
        }
        describe(spark, "bench: read-only binaryFile pass, openCostInBytes "
                + (openCostInBytes == null ? "default" : openCostInBytes));
        try {
            Row totals = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(input)
                    .agg(count(lit(1)), sum(length(col("content")))).first();
            return new long[] {totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1)};
        } finally {
            if (previous != null) {
                spark.conf().set(key, previous);
            } else {
                spark.conf().unset(key);
            }
        }
    }

    private static long recogniseOnly(SparkSession spark, String articlesTable, EntityRecognizer recognizer) {
        Broadcast<EntityRecognizer> shared = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(recognizer);
        MapPartitionsFunction<Row, Long> countMentions = rows -> {
            long mentions = 0;
            while (rows.hasNext()) {
                Row article = rows.next();
                java.sql.Date published = article.getDate(1);
                mentions += shared.value().recognize(article.getString(0),
                        published == null ? null : published.toLocalDate()).size();
            }
            Iterator<Long> one = Collections.singletonList(mentions).iterator();
            return one;
        };
        return spark.read().parquet(articlesTable).select("text", "published_date")
                .mapPartitions(countMentions, Encoders.LONG())
                .reduce((ReduceFunction<Long>) Long::sum);
    }

    private static <T> Timed<T> time(Meters meters, Supplier<T> step) {
        meters.startInterval();
        long start = System.nanoTime();
        T value = step.get();
        return meters.endInterval(value, (System.nanoTime() - start) / 1e9);
    }

    private static Report.Row row(String stage, Timed<?> timed, long articles, long bytes, double floor,
                                  String detail) {
        double seconds = timed.seconds();
        if (seconds <= 0) { // a step that reported no time (near-duplicate detection not run): no rates
            return new Report.Row(stage, 0, 0, 0, 0, timed.driverLiveHeapBytes(), timed.executorPeakHeapBytes(),
                    timed.traffic(), detail);
        }
        return new Report.Row(stage, round(seconds), Math.round(articles / seconds), round(bytes / 1e6 / seconds),
                round(seconds / floor), timed.driverLiveHeapBytes(), timed.executorPeakHeapBytes(), timed.traffic(),
                detail);
    }

    /** Names the jobs that follow in the Spark UI and event log; the stages name their own. */
    private static void describe(SparkSession spark, String what) {
        spark.sparkContext().setJobDescription(what);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + folder, e);
        }
    }
}
