package newslens.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything the dashboard page shows, already aggregated and capped: the page embeds it as JSON
 * and draws it in the browser. Text fields (names, titles, labels, terms) come from the input and
 * are untrusted; the page only ever sets them as text.
 *
 * @param generatedAt   when the page was written (ISO-8601 instant)
 * @param overview      corpus counts for the header
 * @param entities      every entity the page names: the most frequent ones, most frequent first, then
 *                      the rising ones not among them
 * @param trendEntities ids of the entities drawn in the trend chart, most frequent first
 * @param entityTrends  articles mentioning each trend entity per period, one timeline per granularity
 * @param edges         all-time co-occurrence pairs among {@code entities}, both scopes
 * @param topics        the topic view, or null when the output has no topic tables yet
 * @param rising        what is rising in the latest day and week, or null when the output has no
 *                      trends table yet
 */
public record DashboardData(String generatedAt, Overview overview, List<EntityInfo> entities,
        List<String> trendEntities, List<Timeline> entityTrends, List<Edge> edges, TopicView topics,
        List<RisingPeriod> rising) {

    /**
     * Article counts of the output; dates are ISO days, null when no article is dated.
     *
     * @param duplicateGroups rows of {@code duplicate_groups} (stories carried by two or more articles), or
     *                        null when the output has no such table (outputs of older versions)
     */
    public record Overview(long articles, long duplicates, long datedArticles, String firstDate, String lastDate,
            long rejects, long entities, Long duplicateGroups) {}

    /** An entity with its all-time counts and its latest articles. */
    public record EntityInfo(String id, String name, String type, long nDocs, long nMentions,
            List<ArticleRef> recentArticles) {}

    /**
     * An article shown by title; {@code date} is its publication day or null when undated.
     *
     * @param copies the duplicate group the article heads, or null (left out of the JSON) when it heads none
     *               or the output has no {@code duplicate_groups} table
     */
    public record ArticleRef(String docId, String title, String date,
            @JsonInclude(JsonInclude.Include.NON_NULL) Copies copies) {
        /** Longest title kept: enough to recognise an article, bounded so the page stays small. */
        public static final int MAX_TITLE_CHARS = 200;

        /** An article that heads no duplicate group. */
        public ArticleRef(String docId, String title, String date) {
            this(docId, title, date, null);
        }

        public ArticleRef {
            if (title != null && title.length() > MAX_TITLE_CHARS) {
                int cut = MAX_TITLE_CHARS - 1;
                if (Character.isHighSurrogate(title.charAt(cut - 1))) {
                    cut--; // never split a character outside the BMP
                }
                title = title.substring(0, cut) + "…";
            }
        }
    }

    /**
     * The duplicate group an article heads, from its {@code duplicate_groups} row. The page words it
     * "carried by {articles} articles in {outlets} outlets" (dashboard.js, copiesText): both numbers count
     * the head too, so neither leaves open whether the listed article's own outlet is among them.
     *
     * @param articles {@code n_articles}: the head and its copies, at least 2 (the copies are {@code articles - 1})
     * @param outlets  {@code n_outlets}: distinct known sources of all of them, the head's included; 0 when
     *                 no article of the group has a source
     */
    public record Copies(long articles, long outlets) {}

    /** A pair of entities seen together ({@code scope} sentence or document), with its npmi. */
    public record Edge(String scope, String a, String b, long nDocs, double npmi) {}

    /** Topics with their labels and terms, and their summed weight per period. */
    public record TopicView(List<TopicInfo> topics, List<Timeline> weights) {}

    /**
     * One topic: label, top terms, what it was about in its latest months (latest first) and the articles
     * most typical of it.
     */
    public record TopicInfo(int id, String label, List<String> terms, List<MonthTerms> months,
            List<ArticleRef> typicalArticles) {}

    /** A topic's words of one month ({@code topic_terms}), {@code month} as yyyy-MM. */
    public record MonthTerms(String month, List<String> terms) {}

    /**
     * The top keys of the latest period of one granularity in {@code trends}.
     *
     * @param period       first day of that period
     * @param sparkPeriods the periods of every item's {@code recent} counts, the latest last
     */
    public record RisingPeriod(String granularity, String period, List<String> sparkPeriods, List<RisingItem> items) {}

    /**
     * A rising key: {@code kind} entity, pair or topic; {@code key} as in {@code trends}.
     *
     * @param entityIds the entity (one) or the pair's entities (two); empty for a topic
     * @param names     display names in the order of {@code entityIds}, or the topic's label
     * @param recent    articles per period of {@link RisingPeriod#sparkPeriods()}
     * @param burst     its latest burst if open or recent, else null
     */
    public record RisingItem(String kind, String key, List<String> entityIds, List<String> names, double score,
            long nDocs, int rank, List<Long> recent, BurstSpan burst) {}

    /** A burst's first and last periods; {@code open} when it reaches the latest period. */
    public record BurstSpan(String start, String end, int level, boolean open) {}
}
