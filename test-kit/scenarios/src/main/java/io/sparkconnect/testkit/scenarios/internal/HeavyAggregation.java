package io.sparkconnect.testkit.scenarios.internal;

import static io.sparkconnect.sql.functions.array;
import static io.sparkconnect.sql.functions.avg;
import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.count;
import static io.sparkconnect.sql.functions.lit;
import static io.sparkconnect.sql.functions.percentile;
import static io.sparkconnect.sql.functions.stddev;
import static io.sparkconnect.sql.functions.sum;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.Check;
import java.util.List;

/**
 * The heavy-aggregation query, per passenger count over trips with a positive one: trips, fares, and the sum,
 * average, standard deviation and exact 50th, 90th and 99th percentiles of fares, and the sum of totals. Its expected
 * answer is the same aggregate in the DataFrame API, computed once on the server; NULL passenger counts, fares and
 * totals are left out as SQL's aggregates leave them out, in both formulations.
 */
final class HeavyAggregation {
  static final String[] COLUMNS = {"passenger_count", "trips", "fares", "fare_sum", "fare_avg", "fare_stddev",
      "fare_percentiles_50_90_99", "total_sum"};
  private static final double TOLERANCE = 1e-9;

  private HeavyAggregation() {}

  static String sql(String table) {
    return "SELECT passenger_count, COUNT(*) AS trips, COUNT(fare_amount) AS fares, SUM(fare_amount) AS fare_sum, "
        + "AVG(fare_amount) AS fare_avg, STDDEV(fare_amount) AS fare_stddev, "
        + "PERCENTILE(fare_amount, ARRAY(0.5, 0.9, 0.99)) AS fare_percentiles_50_90_99, "
        + "SUM(total_amount) AS total_sum FROM " + table + " WHERE passenger_count > 0 "
        + "GROUP BY passenger_count ORDER BY passenger_count";
  }

  /** The same aggregate through the DataFrame API, ordered by passenger count. */
  static List<Row> expected(SparkSession spark, String table) {
    return spark.table(table)
        .filter(col("passenger_count").gt(0))
        .groupBy(col("passenger_count"))
        .agg(count(lit(1)).as("trips"), count(col("fare_amount")).as("fares"), sum(col("fare_amount")),
            avg(col("fare_amount")), stddev(col("fare_amount")),
            percentile(col("fare_amount"), array(lit(0.5), lit(0.9), lit(0.99))), sum(col("total_amount")))
        .orderBy(col("passenger_count"))
        .collect();
  }

  /** Fails unless every group and every value of {@code actual} matches {@code expected}. */
  static void check(List<Row> expected, List<Row> actual) {
    Check.equal("passenger_count groups", expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      Row want = expected.get(i);
      Row got = actual.get(i);
      String group = "passenger_count " + want.get(0);
      for (int c = 0; c < COLUMNS.length; c++) {
        same(group + ", " + COLUMNS[c], want.get(c), got.get(c));
      }
    }
  }

  private static void same(String what, Object want, Object got) {
    if (want == null || got == null) {
      Check.equal(what, want, got);
    } else if (want instanceof List<?> wants && got instanceof List<?> gots) {
      Check.equal(what + " (values)", wants.size(), gots.size());
      for (int i = 0; i < wants.size(); i++) {
        same(what + "[" + i + "]", wants.get(i), gots.get(i));
      }
    } else if (want instanceof Long || want instanceof Integer || want instanceof Short || want instanceof Byte) {
      Check.equal(what, ((Number) want).longValue(), got instanceof Number n ? n.longValue() : got);
    } else if (want instanceof Number number && got instanceof Number other) {
      Check.close(what, number.doubleValue(), other.doubleValue(), TOLERANCE);
    } else {
      Check.equal(what, want, got);
    }
  }
}
