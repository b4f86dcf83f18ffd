package io.sparkconnect.benchmarks.official;

import org.apache.spark.sql.connect.SparkSession;

/** The official client's smallest program, for benchmarks/run's cold start: connect, run {@code SELECT 1}, exit. */
public final class SelectOne {
  private SelectOne() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("Usage: SelectOne sc://host:port");
      System.exit(2);
    }
    try (SparkSession spark = SparkSession.builder().remote(args[0]).create()) {
      System.out.println(spark.sql(Workloads.query("select-one")).collectAsList().get(0).getInt(0));
    }
  }
}
