package io.sparkconnect.examples;

import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.count;
import static io.sparkconnect.sql.functions.lit;
import static io.sparkconnect.sql.functions.sum;
import static io.sparkconnect.sql.functions.when;

import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;

/** Builds a query with the DataFrame API: derived columns, a filter, a grouped aggregation and an ordering. */
public final class DataFrameApi {
  private DataFrameApi() {}

  /** {@code args[0]}: the server's address. */
  public static void main(String[] args) {
    try (SparkSession spark = SparkSession.builder().remote(args[0]).build()) {
      DataFrame numbers = spark.range(1, 101)
          .withColumn("parity", when(col("id").mod(2).equalTo(0), lit("even")).otherwise(lit("odd")));
      DataFrame byParity = numbers
          .filter(col("id").gt(10))
          .groupBy("parity")
          .agg(count(lit(1)).alias("n"), sum("id").alias("total"))
          .orderBy(col("parity"));
      byParity.printSchema();
      for (Row row : byParity.collect()) {
        System.out.println(row.getString("parity") + ": " + row.getLong("n") + " numbers, sum " + row.getLong("total"));
      }
    }
  }
}
