package newslens.app;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a run. Under spark-submit the master comes from there; else local[*]. */
public final class Sessions {
    private Sessions() {}

    public static SparkSession getOrCreate(String master) {
        return getOrCreate(master, Map.of());
    }

    /** With settings of the command's own, unless the submitter set them. */
    public static SparkSession getOrCreate(String master, Map<String, String> defaults) {
        SparkConf conf = new SparkConf();
        defaults.forEach(conf::setIfMissing);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.app.name", "newslens");
        // Dates are calendar days of the articles, not instants: keep them out of the machine's time zone.
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.sql.adaptive.enabled", "true");
        // Tables are only broadcast by size once their size is known (adaptive execution, at run time):
        // the planner judges a Parquet table by its compressed files, and took 1.5 million mentions
        // (15 MB of Parquet files, 320 MB in memory) for a small table to send to every task.
        conf.setIfMissing("spark.sql.autoBroadcastJoinThreshold", "-1");
        conf.setIfMissing("spark.sql.adaptive.autoBroadcastJoinThreshold", "10MB");
        if (conf.get("spark.master").startsWith("local")) {
            // Spark's 200 shuffle partitions are sized for clusters; on one machine they are mostly
            // scheduling overhead for newslens's many small aggregations. Clusters keep their own setting.
            conf.setIfMissing("spark.sql.shuffle.partitions",
                    String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
