package newslens.ingest;

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
import newslens.io.OutputLayout;
import newslens.io.SerializableHadoopConf;
import newslens.io.Tables;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
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
 * Stage {@code ingest}: files under {@code --input} → tables {@code articles} and {@code rejects}.
 * Every listed input file ends in one of the two tables (a JSON Lines file contributes one row per
 * line); the result's counts say so, and the run manifest records them.
 */
public final class IngestStage {

    /** Options of the stage, validated up front. */
    public record Options(String input, Set<String> extensions, long maxFileBytes, long targetPartitionBytes,
                          int listingFanOut, LocalDate defaultDate) {
        public Options {
            if (input == null || input.isBlank()) {
                throw new IllegalArgumentException("ingest needs --input (a folder, file or glob)");
            }
            if (extensions == null || extensions.isEmpty()) {
                throw new IllegalArgumentException("ingest.extensions must name at least one extension");
            }
            if (maxFileBytes <= 0) {
                throw new IllegalArgumentException("ingest.maxFileBytes must be positive, got " + maxFileBytes);
            }
            if (targetPartitionBytes <= 0) {
                throw new IllegalArgumentException(
                        "ingest.targetPartitionBytes must be positive, got " + targetPartitionBytes);
            }
            if (listingFanOut <= 0) {
                throw new IllegalArgumentException("ingest.listingFanOut must be positive, got " + listingFanOut);
            }
            extensions = Set.copyOf(extensions);
        }
    }

    /** What the stage did. {@code filesListed == filesAccounted} is the reconciliation every run checks. */
    public record Result(long filesListed, long filesSkipped, long bytesListed, long filesAccounted, long articles,
                         long duplicates, long dated, long undated, long rejects, Map<String, Long> rejectsByReason) {
        public boolean reconciled() {
            return filesListed == filesAccounted;
        }
    }

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
            .add("published_at", DataTypes.StringType)
            .add("published_date", DataTypes.DateType)
            .add("date_source", DataTypes.StringType)
            .add("date_confidence", DataTypes.DoubleType)
            .add("reason", DataTypes.StringType)
            .add("detail", DataTypes.StringType)
            .add("n_bytes", DataTypes.LongType);

    private final SparkSession spark;
    private final Options options;
    private final OutputLayout layout;

    public IngestStage(SparkSession spark, Options options, OutputLayout layout) {
        this.spark = spark;
        this.options = options;
        this.layout = layout;
    }

    public Result execute() {
        describe("ingest: list input files under " + options.input());
        Dataset<InputFile> listed = listInputs().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Set<String> extensions = options.extensions();
            Dataset<InputFile> inputs = listed.filter(
                    (org.apache.spark.api.java.function.FilterFunction<InputFile>) f ->
                            extensions.contains(f.extension()));
            long[] countAndBytes = countAndBytes(inputs);
            long skipped = listed.count() - countAndBytes[0];

            describe("ingest: read, decode and parse " + countAndBytes[0] + " files");
            Dataset<Row> outcomes = extract(inputs, countAndBytes).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                writeArticles(outcomes);
                writeRejects(outcomes);
                return summarize(countAndBytes[0], skipped, countAndBytes[1]);
            } finally {
                outcomes.unpersist();
            }
        } finally {
            listed.unpersist();
        }
    }

    private Dataset<InputFile> listInputs() {
        SerializableHadoopConf conf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
        return new InputListing(spark, conf, options.listingFanOut()).list(options.input());
    }

    private static long[] countAndBytes(Dataset<InputFile> inputs) {
        Row totals = inputs.map((org.apache.spark.api.java.function.MapFunction<InputFile, Long>) InputFile::size,
                        Encoders.LONG())
                .agg(org.apache.spark.sql.functions.count(lit(1)), org.apache.spark.sql.functions.sum("value"))
                .first();
        return new long[] {totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1)};
    }

    /**
     * Packs the files into partitions of about {@code targetPartitionBytes} (never a task per small
     * file) and turns each into outcome rows on the executors.
     */
    private Dataset<Row> extract(Dataset<InputFile> inputs, long[] countAndBytes) {
        int parallelism = spark.sparkContext().defaultParallelism();
        long byBytes = (countAndBytes[1] + options.targetPartitionBytes() - 1) / options.targetPartitionBytes();
        int partitions = (int) Math.max(1, Math.min(Math.max(countAndBytes[0], 1), Math.max(parallelism, byBytes)));
        ArticleExtractor extractor = new ArticleExtractor(options.maxFileBytes(), options.defaultDate());
        SerializableHadoopConf conf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
        MapPartitionsFunction<InputFile, Row> readFiles = files -> readPartition(files, extractor, conf);
        return inputs.repartition(partitions).mapPartitions(readFiles, Encoders.row(OUTCOME_SCHEMA));
    }

    /** Lazily, file by file: a partition's articles are never all held in memory at once. */
    private static Iterator<Row> readPartition(Iterator<InputFile> files, ArticleExtractor extractor,
                                               SerializableHadoopConf conf) {
        return new Iterator<>() {
            private Iterator<IngestOutcome> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && files.hasNext()) {
                    current = readOne(files.next(), extractor, conf).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return toRow(current.next());
            }
        };
    }

    private static List<IngestOutcome> readOne(InputFile file, ArticleExtractor extractor, SerializableHadoopConf conf) {
        if (extractor.isTooLarge(file)) {
            return List.of(extractor.tooLarge(file));
        }
        Path path = new Path(file.path());
        byte[] bytes;
        try {
            FileSystem fs = path.getFileSystem(conf.get());
            try (InputStream in = fs.open(path)) {
                bytes = in.readAllBytes();
            }
        } catch (FileNotFoundException e) {
            return List.of(extractor.unreadable(file, "file disappeared after it was listed"));
        } catch (IOException e) {
            return List.of(extractor.unreadable(file, "could not read the file: " + e.getMessage()));
        }
        return extractor.extract(file, bytes);
    }

    private static Row toRow(IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Article a) {
            return RowFactory.create("article", a.docId(), a.sourcePath(), a.ordinal(), a.contentHash(), a.title(),
                    a.text(), a.url(), a.source(), a.publishedAt(),
                    a.publishedDate() == null ? null : Date.valueOf(a.publishedDate()), a.dateSource(),
                    a.dateConfidence(), null, null, null);
        }
        IngestOutcome.Reject r = (IngestOutcome.Reject) outcome;
        return RowFactory.create("reject", null, r.sourcePath(), r.ordinal(), null, null, null, null, null, null,
                null, null, null, r.reason(), r.detail(), r.nBytes());
    }

    /**
     * Articles, with exact duplicates (same content hash) pointing at the first of their group by
     * doc_id, and a doc_id used twice in the input rejected rather than silently merged.
     */
    private void writeArticles(Dataset<Row> outcomes) {
        describe("ingest: mark duplicates and write table articles");
        Dataset<Row> articles = uniqueDocIds(outcomes.filter(col("kind").equalTo("article")));
        Dataset<Row> withDuplicates = articles
                .withColumn("first_of_hash", first("doc_id").over(
                        Window.partitionBy("content_hash").orderBy("doc_id")))
                .withColumn("duplicate_of", when(col("first_of_hash").notEqual(col("doc_id")), col("first_of_hash")))
                .withColumn("n_chars", org.apache.spark.sql.functions.length(col("text")))
                .withColumn("run_id", lit(layout.runId()));
        layout.writeTable(Tables.ARTICLES, withDuplicates, Tables.ARTICLES_SCHEMA);
    }

    private void writeRejects(Dataset<Row> outcomes) {
        describe("ingest: write table rejects");
        Dataset<Row> rejects = outcomes.filter(col("kind").equalTo("reject"))
                .union(duplicateDocIds(outcomes.filter(col("kind").equalTo("article"))))
                .withColumn("run_id", lit(layout.runId()));
        layout.writeTable(Tables.REJECTS, rejects, Tables.REJECTS_SCHEMA);
    }

    private static Dataset<Row> rankByDocId(Dataset<Row> articles) {
        return articles.withColumn("id_rank", org.apache.spark.sql.functions.row_number().over(
                Window.partitionBy("doc_id").orderBy("source_path", "ordinal")));
    }

    private static Dataset<Row> uniqueDocIds(Dataset<Row> articles) {
        return rankByDocId(articles).filter(col("id_rank").equalTo(1)).drop("id_rank");
    }

    private static Dataset<Row> duplicateDocIds(Dataset<Row> articles) {
        return rankByDocId(articles).filter(col("id_rank").gt(1))
                .withColumn("reason", lit(RejectReason.DUPLICATE_ID.code()))
                .withColumn("detail", org.apache.spark.sql.functions.concat(
                        lit("doc_id '"), col("doc_id"), lit("' is already used by an earlier input")))
                .drop("id_rank");
    }

    private Result summarize(long filesListed, long filesSkipped, long bytesListed) {
        describe("ingest: count what was written");
        Dataset<Row> articles = spark.read().parquet(layout.table(Tables.ARTICLES));
        Dataset<Row> rejects = spark.read().parquet(layout.table(Tables.REJECTS));
        Row counts = articles.agg(
                org.apache.spark.sql.functions.count(lit(1)),
                org.apache.spark.sql.functions.count("duplicate_of"),
                org.apache.spark.sql.functions.count("published_date")).first();
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (Row row : rejects.groupBy("reason").count().orderBy("reason").collectAsList()) {
            byReason.put(row.getString(0), row.getLong(1));
        }
        long nRejects = byReason.values().stream().mapToLong(Long::longValue).sum();
        long accounted = articles.select("source_path").union(rejects.select("source_path")).distinct().count();
        return new Result(filesListed, filesSkipped, bytesListed, accounted, counts.getLong(0), counts.getLong(1),
                counts.getLong(2), counts.getLong(0) - counts.getLong(2), nRejects, byReason);
    }

    private void describe(String what) {
        spark.sparkContext().setJobDescription(what);
    }
}
