package newslens.table;

import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Column lists as Spark's Java API wants them: Column arrays for select/groupBy, Scala Seqs for join keys. */
public final class Columns {
    private Columns() {}

    /** The columns of a contract schema, in its order. */
    public static Column[] of(StructType schema) {
        return named(schema.fieldNames());
    }

    public static Column[] named(String... names) {
        return Arrays.stream(names).map(functions::col).toArray(Column[]::new);
    }

    public static Column[] named(String[] names, String... more) {
        return named(concat(names, more));
    }

    public static Seq<String> joinKeys(String... names) {
        return JavaConverters.asScalaBuffer(Arrays.asList(names)).toSeq();
    }

    public static Seq<String> joinKeys(String[] names, String... more) {
        return joinKeys(concat(names, more));
    }

    private static String[] concat(String[] names, String[] more) {
        return Stream.concat(Arrays.stream(names), Arrays.stream(more)).toArray(String[]::new);
    }
}
