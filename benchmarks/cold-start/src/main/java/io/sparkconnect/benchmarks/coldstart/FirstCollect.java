package io.sparkconnect.benchmarks.coldstart;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import java.util.List;

/**
 * The first collect of a fresh JVM: connects to the server given first, times one {@code collect()} of the query
 * given third, which must return as many rows as given second, and prints the milliseconds it took.
 */
public final class FirstCollect {
  private FirstCollect() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("Usage: FirstCollect sc://host:port ROWS QUERY");
      System.exit(2);
    }
    long rows = Long.parseLong(args[1]);
    try (SparkSession spark = SparkSession.builder().remote(args[0]).build()) {
      long start = System.nanoTime();
      List<Row> collected = spark.sql(args[2]).collect();
      double millis = (System.nanoTime() - start) / 1e6;
      if (collected.size() != rows) {
        System.err.println("The query returned " + collected.size() + " rows, expected " + rows);
        System.exit(1);
      }
      System.out.println("first collect ms " + millis);
    }
  }
}
