package newslens.topics;

import newslens.StageRuns;
import newslens.app.JobConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newslens.SparkTestSession;
import newslens.table.OutputLayout;
import newslens.table.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage on a hand-made corpus of football and storm reports, in two batches. */
class TopicsStageTest {

    private static final String[] FOOTBALL = {
        "Đội tuyển giành chiến thắng trong trận đấu tối qua. Tiền đạo ghi bàn ở phút cuối, thủ môn cản phá phạt đền.",
        "Huấn luyện viên khen cầu thủ sau trận đấu. Câu lạc bộ đứng đầu bảng xếp hạng mùa giải.",
        "Trọng tài rút thẻ đỏ, đội khách vẫn ghi bàn và giành chiến thắng trên sân vận động.",
        "Cầu thủ trẻ ký hợp đồng với câu lạc bộ. Huấn luyện viên tin tiền đạo sẽ ghi bàn nhiều hơn.",
        "Trận đấu kết thúc với tỷ số hai bàn. Thủ môn được khán giả trên sân vận động cổ vũ.",
        "Câu lạc bộ vào bán kết sau chiến thắng. Tiền đạo và thủ môn là cầu thủ hay nhất trận đấu.",
    };
    private static final String[] STORM = {
        "Cơn bão đổ bộ vào đất liền gây mưa lớn. Người dân sơ tán khỏi vùng lũ lụt, sạt lở núi.",
        "Dự báo thời tiết cho biết cơn bão mạnh lên, gió giật mạnh và mưa lớn kéo dài nhiều ngày.",
        "Mưa lớn gây lũ lụt, nhiều nhà bị ngập. Lực lượng cứu hộ giúp người dân sơ tán trước cơn bão.",
        "Áp thấp nhiệt đới mạnh lên thành cơn bão. Dự báo thời tiết cảnh báo sạt lở và lũ quét.",
        "Sau cơn bão, người dân dọn dẹp nhà cửa. Lũ lụt và sạt lở do cơn bão làm hư hỏng đường giao thông.",
        "Gió giật mạnh, mưa lớn suốt đêm. Dự báo thời tiết cho thấy cơn bão tiếp theo sắp đến.",
    };

    @TempDir
    Path tmp;

    @Test
    void fitsOnceThenFilesLaterBatchesUnderTheSameTopics() {
        SparkSession spark = SparkTestSession.get();
        OutputLayout first = layout(spark, "20240101T000000Z-0001");
        List<Row> batch1 = new ArrayList<>();
        for (int i = 0; i < FOOTBALL.length; i++) {
            batch1.add(article("f" + i, FOOTBALL[i], "2024-10-0" + (i + 1), null));
            batch1.add(article("s" + i, STORM[i], i == 0 ? null : "2024-10-0" + (i + 1), null));
        }
        batch1.add(article("s1-copy", STORM[1], "2024-10-02", "s1"));
        write(spark, first, batch1, List.of(mention("s0", "loc:mien_trung"), mention("s2", "loc:mien_trung")));

        TopicsStage.Result one = StageRuns.execute(new TopicsStage(options(false)), first, false);

        assertTrue(one.fitted());
        assertEquals(first.runId(), one.modelId());
        Map<String, Integer> top = topTopics(spark, first);
        int football = top.get("f0");
        int storm = top.get("s0");
        assertNotEquals(football, storm);
        for (int i = 0; i < FOOTBALL.length; i++) {
            assertEquals(football, top.get("f" + i), "football article f" + i);
            assertEquals(storm, top.get("s" + i), "storm article s" + i);
        }
        assertEquals(storm, top.get("s1-copy"), "a duplicate gets its topics too");

        List<Row> topics = rows(spark, first, Tables.TOPICS, "true");
        assertEquals(3, topics.size(), "two learned topics and one user topic");
        assertTrue(topics.stream().allMatch(t -> one.modelId().equals(t.getAs("model_id"))));
        Row userTopic = rows(spark, first, Tables.TOPICS, "topic_id = 1000").get(0);
        assertEquals("Bão miền Trung", userTopic.getAs("label"));
        Row stormTopic = rows(spark, first, Tables.TOPICS, "topic_id = " + storm).get(0);
        assertEquals(TopicLabels.TOP_TERMS, stormTopic.getList(stormTopic.fieldIndex("terms")).size());
        assertTrue(stormTopic.<String>getAs("label").contains("cơn bão"), "label " + stormTopic.getAs("label"));

        // what each topic was about each month: storm words for the storm topic in October, no entity id
        List<Row> stormOctober = rows(spark, first, Tables.TOPIC_TERMS,
                "granularity = 'month' AND period_start = DATE'2024-10-01' AND topic_id = " + storm);
        List<String> stormTerms = stormOctober.stream().sorted(java.util.Comparator.comparing(r -> r.<Integer>getAs("rank")))
                .map(r -> r.<String>getAs("term")).toList();
        assertTrue(stormTerms.size() >= 3 && stormTerms.size() <= TopicLabels.PERIOD_TERMS, "storm terms " + stormTerms);
        assertTrue(stormTerms.subList(0, 3).contains("cơn bão"), "storm terms " + stormTerms);
        assertTrue(stormTerms.stream().noneMatch(TopicLabels::isEntityToken), "storm terms " + stormTerms);
        assertTrue(rows(spark, first, Tables.TOPIC_TERMS, "topic_id = " + football).stream()
                .noneMatch(r -> stormTerms.subList(0, 3).contains(r.<String>getAs("term"))));

        // s0 and s2 mention the region and the storm (2 of 2 keywords); s4 only the storm, twice (1 of 2);
        // s1 names the storm once: under the 2 hits needed
        assertEquals(1.0, weight(spark, first, "s0", 1000), 1e-12);
        assertEquals(0.5, weight(spark, first, "s4", 1000), 1e-12);
        assertTrue(rows(spark, first, Tables.DOC_TOPICS, "topic_id = 1000 AND doc_id = 's1'").isEmpty());
        assertTrue(rows(spark, first, Tables.DOC_TOPICS, "topic_id = 1000 AND doc_id LIKE 'f%'").isEmpty());

        // counted: 12 originals (the copy is not), s0 undated: under "all" only
        assertEquals(6L, nDocs(spark, first, "granularity = 'all' AND topic_id = " + storm));
        assertEquals(5L, nDocs(spark, first, "granularity = 'day' AND topic_id = " + storm));
        assertEquals(1L, nDocs(spark, first, "granularity = 'day' AND period_start = DATE'2024-10-02' AND topic_id = "
                + storm));
        assertEquals(3L, nDocs(spark, first, "granularity = 'all' AND topic_id = 1000"));

        // batch 2: two new reports and a corrected s3, same output, no refit
        OutputLayout second = layout(spark, "20240102T000000Z-0002");
        write(spark, second, List.of(
                article("f9", "Tiền đạo ghi bàn, câu lạc bộ giành chiến thắng trong trận đấu trên sân vận động.",
                        "2024-11-04", null),
                article("s9", "Cơn bão gây mưa lớn và lũ lụt, dự báo thời tiết cảnh báo sạt lở.", "2024-11-05", null),
                article("s3", STORM[3] + " Cơn bão đã suy yếu.", "2024-10-04", null)), List.of());

        TopicsStage.Result two = StageRuns.execute(new TopicsStage(options(false)), second, false);

        assertFalse(two.fitted());
        assertEquals(one.modelId(), two.modelId());
        Map<String, Integer> afterTwo = topTopics(spark, second);
        assertEquals(football, afterTwo.get("f9"));
        assertEquals(storm, afterTwo.get("s9"));
        assertEquals(top.size() + 2, afterTwo.size(), "batch 1's articles are kept, s3 replaced not duplicated");
        assertEquals(7L, nDocs(spark, second, "granularity = 'all' AND topic_id = " + storm));
        assertEquals(7L, nDocs(spark, second, "granularity = 'all' AND topic_id = " + football));
        assertEquals(1L, nDocs(spark, second, "granularity = 'month' AND period_start = DATE'2024-11-01' AND topic_id = "
                + storm));

        // a refit with another seed over the whole archive (as ingest publishes it) finds both topics again
        OutputLayout third = layout(spark, "20240103T000000Z-0003");
        List<Row> archive = new ArrayList<>(batch1);
        archive.add(article("f9", "Tiền đạo ghi bàn, câu lạc bộ giành chiến thắng trong trận đấu trên sân vận động.",
                "2024-11-04", null));
        archive.add(article("s9", "Cơn bão gây mưa lớn và lũ lụt, dự báo thời tiết cảnh báo sạt lở.", "2024-11-05", null));
        write(spark, third, archive, List.of(mention("s0", "loc:mien_trung"), mention("s2", "loc:mien_trung")));

        TopicsStage.Result refit = StageRuns.execute(new TopicsStage(options(true, 11)), third, false);

        assertTrue(refit.fitted());
        assertNotEquals(one.modelId(), refit.modelId());
        Map<String, Integer> afterRefit = topTopics(spark, third);
        assertEquals(football, afterRefit.get("f0"), "football keeps its id");
        assertEquals(storm, afterRefit.get("s9"), "storm keeps its id");
        List<Row> lineage = rows(spark, third, Tables.TOPIC_LINEAGE, "model_id = '" + refit.modelId() + "'");
        assertEquals(2, lineage.size());
        for (Row link : lineage) {
            assertEquals(TopicLineage.KEPT, link.getAs("kind"));
            assertEquals(link.<Integer>getAs("topic_id"), link.<Integer>getAs("previous_topic_id"));
            assertEquals(one.modelId(), link.getAs("previous_model_id"));
            assertTrue(link.<Double>getAs("similarity") >= 0.5, "similarity " + link.getAs("similarity"));
        }
        assertEquals(2, rows(spark, third, Tables.TOPIC_LINEAGE, "model_id = '" + one.modelId() + "' AND kind = 'new'")
                .size(), "the first model's topics are all new");
        assertEquals(7L, nDocs(spark, third, "granularity = 'all' AND topic_id = " + storm), "storm's count goes on");
        assertTrue(rows(spark, third, Tables.TOPICS, "true").stream()
                .allMatch(t -> refit.modelId().equals(t.getAs("model_id"))));
    }

    private static TopicsStage.Options options(boolean refit) {
        return options(refit, 7);
    }

    private static TopicsStage.Options options(boolean refit, long seed) {
        return JobConfig.withSettings("""
                {"topics": {"k": 2, "optimizer": "em", "maxIterations": 10, "docConcentration": 1.1,
                  "topicConcentration": 0.0, "subsamplingRate": 1.0, "learningOffset": 10.0, "seed": %d,
                  "collocationPasses": 2, "minCollocationCount": 2, "minCollocationNpmi": 0.5, "minDocFrequency": 2,
                  "maxDocShare": 0.9, "maxVocabulary": 1000, "entityTokens": true, "minWeight": 0.2,
                  "refit": %s, "userTopics": {"Bão miền Trung": ["cơn bão", "loc:mien_trung"]},
                  "minKeywordHits": 2, "maxFitArticles": 10000}}""".formatted(seed, refit)).topics();
    }

    private OutputLayout layout(SparkSession spark, String runId) {
        return new OutputLayout(tmp.toString(), runId, spark.sparkContext().hadoopConfiguration());
    }

    private static void write(SparkSession spark, OutputLayout layout, List<Row> articles, List<Row> mentions) {
        spark.createDataFrame(articles, Tables.ARTICLES_SCHEMA).write().mode("overwrite")
                .parquet(layout.table(Tables.ARTICLES));
        spark.createDataFrame(mentions, Tables.MENTIONS_SCHEMA).write().mode("overwrite")
                .parquet(layout.table(Tables.MENTIONS));
    }

    /** doc_id → its learned topic of highest weight. */
    private static Map<String, Integer> topTopics(SparkSession spark, OutputLayout layout) {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Double> best = new HashMap<>();
        for (Row row : rows(spark, layout, Tables.DOC_TOPICS, "topic_id < " + UserTopic.FIRST_ID)) {
            String doc = row.getAs("doc_id");
            if (row.<Double>getAs("weight") > best.getOrDefault(doc, -1.0)) {
                best.put(doc, row.getAs("weight"));
                top.put(doc, row.getAs("topic_id"));
            }
        }
        return top;
    }

    private static double weight(SparkSession spark, OutputLayout layout, String doc, int topic) {
        List<Row> found = rows(spark, layout, Tables.DOC_TOPICS, "doc_id = '" + doc + "' AND topic_id = " + topic);
        assertEquals(1, found.size(), doc + " on topic " + topic);
        return found.get(0).getAs("weight");
    }

    private static long nDocs(SparkSession spark, OutputLayout layout, String where) {
        List<Row> found = rows(spark, layout, Tables.TOPIC_FREQUENCY, where);
        return found.stream().mapToLong(row -> row.<Long>getAs("n_docs")).sum();
    }

    private static List<Row> rows(SparkSession spark, OutputLayout layout, String table, String where) {
        return spark.read().parquet(layout.table(table)).filter(where).collectAsList();
    }

    private static Row article(String id, String text, String date, String duplicateOf) {
        return RowFactory.create(id, id + ".txt", "h-" + id, null, text, null, null, null, null,
                date == null ? null : Date.valueOf(date), date == null ? null : "header", date == null ? 0.0 : 0.9,
                duplicateOf, duplicateOf == null ? null : "exact", duplicateOf == null ? null : 1.0, text.length(),
                "r");
    }

    private static Row mention(String doc, String entity) {
        return RowFactory.create(doc, "text", 0, 0, 1, "miền Trung", entity, "LOC", "kb", 1.0, "Miền Trung");
    }
}
