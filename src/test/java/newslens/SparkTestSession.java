package newslens;

import newslens.app.Sessions;
import org.apache.spark.sql.SparkSession;

/** The one local Spark session of a test JVM (Spark's getOrCreate hands every test the same one). */
public final class SparkTestSession {
    private SparkTestSession() {}

    public static SparkSession get() {
        SparkSession spark = Sessions.getOrCreate("local[2]");
        spark.conf().set("spark.sql.shuffle.partitions", "4");
        return spark;
    }
}
