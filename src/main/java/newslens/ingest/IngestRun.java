package newslens.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newslens.table.Changes;
import newslens.table.Columns;
import newslens.pipeline.StageContext;
import newslens.table.OutputLayout;
import newslens.table.SerializableHadoopConf;
import newslens.table.Tables;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * One execution of {@link IngestStage}: list the input, read what is new or changed, mark duplicates and
 * reused ids, write {@code rejects}, {@code articles} and, last, {@code ledger}, and check that every
 * listed file ended in one of the first two.
 */
final class IngestRun {
    /** A listed input file as a row, to join with the ledger. */
    private static final StructType INPUT_SCHEMA = new StructType()
            .add("source_path", DataTypes.StringType, false)
            .add("relative_path", DataTypes.StringType, false)
            .add("n_bytes", DataTypes.LongType, false)
            .add("modification_time", DataTypes.LongType, false);

    /** Internal row of the stage: an article or a reject, before they are split into their tables. */
    private static final StructType OUTCOME_SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("doc_id", DataTypes.StringType)
            .add("source_path", DataTypes.StringType, false)
            .add("ordinal", DataTypes.IntegerType, false)
            .add("content_hash", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("url", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("author", DataTypes.StringType)
            .add("published_at", DataTypes.StringType)
            .add("published_date", DataTypes.DateType)
            .add("date_source", DataTypes.StringType)
            .add("date_confidence", DataTypes.DoubleType)
            .add("reason", DataTypes.StringType)
            .add("detail", DataTypes.StringType)
            .add("n_bytes", DataTypes.LongType)
            .add("file_bytes", DataTypes.LongType, false)
            .add("modification_time", DataTypes.LongType, false)
            .add("file_hash", DataTypes.StringType);

    /** Identifies a candidate article: fresh and kept rows never share a source path. */
    private static final String[] CANDIDATE_KEY = {"doc_id", "source_path", "ordinal"};

    /** Above this many reused ids, they are joined to the articles by a shuffle instead. */
    private static final long MAX_BROADCAST_REUSED_IDS = 200_000;

    /** Columns an article has before duplicates are marked, old (kept) and new alike. */
    private static final String[] CANDIDATE_COLUMNS = {"doc_id", "source_path", "ordinal", "content_hash", "title",
        "text", "url", "source", "author", "published_at", "published_date", "date_source", "date_confidence",
        "run_id"};

    private final IngestStage.Options options;
    private final StageContext context;
    private final SparkSession spark;
    private final OutputLayout layout;
    private final boolean full;

    IngestRun(IngestStage.Options options, StageContext context) {
        this.options = options;
        this.context = context;
        this.spark = context.spark();
        this.layout = context.layout();
        this.full = context.full();
    }

    IngestStage.Result execute() {
        context.describe("list input files under " + options.input());
        Dataset<Row> listed = listInputs().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> inputs = listed.filter(
                    org.apache.spark.sql.functions.lower(col("extension")).isin(options.extensions().toArray()))
                    .drop("extension");
            long[] countAndBytes = countAndBytes(inputs);
            long skipped = listed.count() - countAndBytes[0];
            Previous previous = full ? null : Previous.read(context);

            // A ledger row without a file hash is a file whose bytes were never read (unreadable, too
            // large): it is tried again, so a fixed permission or a raised limit lets it in.
            Dataset<Row> toRead = previous == null ? inputs : Changes.newOrChanged(inputs,
                    previous.ledger().filter(col("file_hash").isNotNull()), "source_path", "n_bytes",
                    "modification_time").select(Columns.of(INPUT_SCHEMA));
            context.describe("read, decode and parse new or changed files");
            Dataset<Row> outcomes = extract(toRead, countAndBytes).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                // Rows of earlier runs are kept unless their file was read again now or is gone from
                // the input: the tables mirror the input, as a --full run would.
                Dataset<Row> replacedPaths = outcomes.select("source_path").distinct()
                        .union(previous == null ? outcomes.select("source_path").limit(0)
                                : previous.ledger().select("source_path")
                                        .join(inputs, Columns.joinKeys("source_path"), "left_anti"))
                        .distinct();
                // rejects before articles: both read the previous articles, which publishing replaces.
                Dataset<Row> candidates = candidates(outcomes, previous, replacedPaths);
                context.describe("find reused doc_ids");
                Dataset<Row> reusedIds = reusedIds(candidates).persist(StorageLevel.MEMORY_AND_DISK());
                Dataset<Row> articles;
                Dataset<Row> rejects;
                NearDuplicateMarking.Marking marking;
                try {
                    // Usually none: sent whole to every task, so no article text is shuffled to drop them.
                    Dataset<Row> byKey = reusedIds.count() <= MAX_BROADCAST_REUSED_IDS ? broadcast(reusedIds)
                            : reusedIds;
                    rejects = writeRejects(outcomes, previous, replacedPaths, candidates, byKey);
                    Dataset<Row> accepted = candidates.join(byKey, Columns.joinKeys(CANDIDATE_KEY), "left_anti");
                    marking = new NearDuplicateMarking(options.dedup(), context).mark(accepted, previous != null);
                    articles = writeArticles(accepted, marking.members());
                } finally {
                    reusedIds.unpersist();
                }
                // The ledger goes last: a run killed before this point is redone by the next one.
                Dataset<Row> ledger = writeLedger(outcomes, previous, replacedPaths);
                IngestStage.Result result = summarize(inputs, countAndBytes[0], skipped, countAndBytes[1], articles,
                        rejects, ledger, marking);
                context.release(articles);
                context.release(rejects);
                context.release(ledger);
                return result;
            } finally {
                outcomes.unpersist();
            }
        } finally {
            listed.unpersist();
        }
    }

    /** The tables of earlier runs, when all three exist: the run then reads only what changed. */
    private record Previous(Dataset<Row> articles, Dataset<Row> rejects, Dataset<Row> ledger) {
        static Previous read(StageContext context) {
            var articles = context.published(Tables.ARTICLES);
            var rejects = context.published(Tables.REJECTS);
            var ledger = context.published(Tables.LEDGER);
            if (articles.isEmpty() || rejects.isEmpty() || ledger.isEmpty()) {
                return null;
            }
            return new Previous(withAuthor(articles.get()), rejects.get(), ledger.get());
        }

        /** Articles written before bylines were read have no author column: theirs is unknown (null). */
        private static Dataset<Row> withAuthor(Dataset<Row> articles) {
            return List.of(articles.columns()).contains("author") ? articles
                    : articles.withColumn("author", lit(null).cast(DataTypes.StringType));
        }

        /** Rows of earlier runs whose file was neither read again now nor removed from the input. */
        Dataset<Row> kept(Dataset<Row> table, Dataset<Row> replacedPaths) {
            return table.join(replacedPaths, Columns.joinKeys("source_path"), "left_anti");
        }
    }

    private Dataset<Row> listInputs() {
        SerializableHadoopConf conf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
        StructType withExtension = INPUT_SCHEMA.add("extension", DataTypes.StringType, false);
        return new InputListing(spark, conf, options.listingFanOut()).list(options.input())
                .map((org.apache.spark.api.java.function.MapFunction<InputFile, Row>) f -> RowFactory.create(
                        f.path(), f.relativePath(), f.size(), f.modificationTime(), f.extension()),
                        Encoders.row(withExtension));
    }

    private static long[] countAndBytes(Dataset<Row> inputs) {
        Row totals = inputs.agg(org.apache.spark.sql.functions.count(lit(1)),
                        org.apache.spark.sql.functions.sum("n_bytes"))
                .first();
        return new long[] {totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1)};
    }

    /**
     * Packs the files into partitions of about {@code targetPartitionBytes} (never a task per small
     * file) and turns each into outcome rows on the executors.
     */
    private Dataset<Row> extract(Dataset<Row> inputs, long[] countAndBytes) {
        int parallelism = spark.sparkContext().defaultParallelism();
        long byBytes = (countAndBytes[1] + options.targetPartitionBytes() - 1) / options.targetPartitionBytes();
        int partitions = (int) Math.max(1, Math.min(Math.max(countAndBytes[0], 1), Math.max(parallelism, byBytes)));
        ArticleExtractor extractor = new ArticleExtractor(options.maxFileBytes(), options.defaultDate());
        SerializableHadoopConf conf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
        // flatMap is lazy, file by file: a partition's articles are never all held in memory at once.
        FlatMapFunction<Row, Row> readFile = row -> readOne(toInputFile(row), extractor, conf);
        return inputs.repartition(partitions).flatMap(readFile, Encoders.row(OUTCOME_SCHEMA));
    }

    private static InputFile toInputFile(Row row) {
        return new InputFile(row.getString(0), row.getString(1), row.getLong(2), row.getLong(3));
    }

    /** The outcome rows of one file, each carrying what the ledger records of the file. */
    private static Iterator<Row> readOne(InputFile file, ArticleExtractor extractor, SerializableHadoopConf conf) {
        if (extractor.isTooLarge(file)) {
            return rows(List.of(extractor.tooLarge(file)), file, null);
        }
        Path path = new Path(file.path());
        byte[] bytes;
        try {
            FileSystem fs = path.getFileSystem(conf.get());
            try (InputStream in = fs.open(path)) {
                bytes = in.readAllBytes();
            }
        } catch (FileNotFoundException e) {
            // The local file system also reports a denied permission as "not found".
            return rows(List.of(extractor.unreadable(file, stillThere(path, conf)
                    ? "could not read the file: " + e.getMessage()
                    : "file disappeared after it was listed")), file, null);
        } catch (IOException e) {
            return rows(List.of(extractor.unreadable(file, "could not read the file: " + e.getMessage())), file, null);
        }
        return rows(extractor.extract(file, bytes), file, ArticleExtractor.fileHash(bytes));
    }

    private static boolean stillThere(Path path, SerializableHadoopConf conf) {
        try {
            return path.getFileSystem(conf.get()).exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    private static Iterator<Row> rows(List<IngestOutcome> outcomes, InputFile file, String fileHash) {
        return outcomes.stream().map(outcome -> toRow(outcome, file, fileHash)).iterator();
    }

    private static Row toRow(IngestOutcome outcome, InputFile file, String fileHash) {
        if (outcome instanceof IngestOutcome.Article a) {
            return RowFactory.create("article", a.docId(), a.sourcePath(), a.ordinal(), a.contentHash(), a.title(),
                    a.text(), a.url(), a.source(), a.author(), a.publishedAt(),
                    a.publishedDate() == null ? null : Date.valueOf(a.publishedDate()), a.dateSource(),
                    a.dateConfidence(), null, null, null, file.size(), file.modificationTime(), fileHash);
        }
        IngestOutcome.Reject r = (IngestOutcome.Reject) outcome;
        return RowFactory.create("reject", null, r.sourcePath(), r.ordinal(), null, null, null, null, null, null,
                null, null, null, null, r.reason(), r.detail(), r.nBytes(), file.size(), file.modificationTime(),
                fileHash);
    }

    /**
     * Articles: those of files read now and those kept from earlier runs, each copy pointing at the head of
     * its duplicate group ({@link NearDuplicateMarking}), across old and new alike.
     */
    private Dataset<Row> writeArticles(Dataset<Row> accepted, Dataset<Row> members) {
        context.describe("mark duplicates and write table articles");
        Dataset<Row> articles = accepted.join(broadcast(members), Columns.joinKeys("doc_id"), "left")
                .withColumn("n_chars", org.apache.spark.sql.functions.length(col("text")));
        return context.write(Tables.ARTICLES, articles, true);
    }

    private Dataset<Row> writeRejects(Dataset<Row> outcomes, Previous previous, Dataset<Row> replacedPaths,
                                      Dataset<Row> candidates, Dataset<Row> reusedIds) {
        context.describe("write table rejects");
        Dataset<Row> fresh = outcomes.filter(col("kind").equalTo("reject"))
                .withColumn("run_id", lit(layout.runId()))
                .select(Columns.of(Tables.REJECTS_SCHEMA));
        Dataset<Row> losers = candidates.join(reusedIds, Columns.joinKeys(CANDIDATE_KEY), "left_semi");
        Dataset<Row> rejects = fresh.union(duplicateDocIds(losers).select(Columns.of(Tables.REJECTS_SCHEMA)));
        if (previous != null) {
            // Earlier duplicate_id rejects are recomputed above from the articles they lost to.
            rejects = rejects.union(previous.kept(previous.rejects(), replacedPaths)
                    .filter(col("reason").notEqual(RejectReason.DUPLICATE_ID.code()))
                    .select(Columns.of(Tables.REJECTS_SCHEMA)));
        }
        return context.write(Tables.REJECTS, rejects, true);
    }

    private Dataset<Row> writeLedger(Dataset<Row> outcomes, Previous previous, Dataset<Row> replacedPaths) {
        context.describe("write table ledger");
        Dataset<Row> fresh = outcomes.groupBy("source_path").agg(
                        first("file_bytes").as("n_bytes"),
                        first("modification_time").as("modification_time"),
                        first("file_hash", true).as("file_hash"),
                        org.apache.spark.sql.functions.sum(when(col("kind").equalTo("article"), 1).otherwise(0))
                                .cast("long").as("n_articles"),
                        org.apache.spark.sql.functions.sum(when(col("kind").equalTo("reject"), 1).otherwise(0))
                                .cast("long").as("n_rejects"))
                .withColumn("run_id", lit(layout.runId()))
                .select(Columns.of(Tables.LEDGER_SCHEMA));
        Dataset<Row> ledger = previous == null ? fresh
                : fresh.union(previous.kept(previous.ledger(), replacedPaths).select(Columns.of(Tables.LEDGER_SCHEMA)));
        return context.write(Tables.LEDGER, ledger, true);
    }

    /** New articles (this run's id) and, in an incremental run, the kept ones (their own run's id). */
    private Dataset<Row> candidates(Dataset<Row> outcomes, Previous previous, Dataset<Row> replacedPaths) {
        Dataset<Row> fresh = outcomes.filter(col("kind").equalTo("article"))
                .withColumn("run_id", lit(layout.runId()))
                .select(Columns.named(CANDIDATE_COLUMNS));
        if (previous == null) {
            return fresh;
        }
        // doc_id conflicts are settled as in a full run, by source path; within one file (old rows
        // are unique already) the line number does not matter, so 0 stands in for it.
        return fresh.union(previous.kept(previous.articles(), replacedPaths)
                .withColumn("ordinal", lit(0)).select(Columns.named(CANDIDATE_COLUMNS)));
    }

    /**
     * The keys of candidates that lose their doc_id to an earlier input (the first by source path and line
     * keeps it), found from the keys alone, so no article text moves.
     */
    private static Dataset<Row> reusedIds(Dataset<Row> candidates) {
        return candidates.select("doc_id", "source_path", "ordinal")
                .withColumn("id_rank", org.apache.spark.sql.functions.row_number().over(
                        Window.partitionBy("doc_id").orderBy("source_path", "ordinal")))
                .filter(col("id_rank").gt(1))
                .drop("id_rank");
    }

    private static Dataset<Row> duplicateDocIds(Dataset<Row> reusedIds) {
        return reusedIds
                .withColumn("reason", lit(RejectReason.DUPLICATE_ID.code()))
                .withColumn("detail", org.apache.spark.sql.functions.concat(
                        lit("doc_id '"), col("doc_id"), lit("' is already used by an earlier input")))
                .withColumn("n_bytes", org.apache.spark.sql.functions.octet_length(col("text")).cast("long"));
    }

    /** The figures of the run, from the tables as written (kept in memory, not read back). */
    private IngestStage.Result summarize(Dataset<Row> inputs, long filesListed, long filesSkipped, long bytesListed,
                                         Dataset<Row> articles, Dataset<Row> rejects, Dataset<Row> ledger,
                                         NearDuplicateMarking.Marking marking) {
        context.describe("count what was written");
        Row counts = articles.agg(
                org.apache.spark.sql.functions.count(lit(1)),
                org.apache.spark.sql.functions.count("duplicate_of"),
                org.apache.spark.sql.functions.count("published_date")).first();
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (Row row : rejects.groupBy("reason").count().orderBy("reason").collectAsList()) {
            byReason.put(row.getString(0), row.getLong(1));
        }
        long nRejects = byReason.values().stream().mapToLong(Long::longValue).sum();
        long filesRead = ledger.filter(col("run_id").equalTo(layout.runId())).count();
        long unaccounted = inputs.select("source_path")
                .join(articles.select("source_path").union(rejects.select("source_path")),
                        Columns.joinKeys("source_path"), "left_anti")
                .count();
        return new IngestStage.Result(filesListed, filesSkipped, bytesListed, filesRead, unaccounted, counts.getLong(0),
                counts.getLong(1), marking.nearCopies(), marking.groups(), counts.getLong(2),
                counts.getLong(0) - counts.getLong(2), nRejects, byReason, marking.bodiesSigned(), marking.seconds());
    }

}
