package newslens.table;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The counting rule every aggregate shares: a group of duplicates counts once, by its head (the article
 * whose {@code duplicate_of} is null); the copies stay in {@code articles}, pointing at the head.
 */
public final class CountedArticles {
    private CountedArticles() {}

    /** True for the article that stands for its duplicate group (and for every article without copies). */
    public static Column isCounted() {
        return col("duplicate_of").isNull();
    }

    /** The articles that count: one per duplicate group. */
    public static Dataset<Row> of(Dataset<Row> articles) {
        return articles.filter(isCounted());
    }
}
