package io.sparkconnect.benchmarks.coldstart;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import java.util.List;

/** A user's smallest program: connect to the server given as the argument, run {@code SELECT 1}, print it, exit. */
public final class SelectOne {
  private SelectOne() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("Usage: SelectOne sc://host:port");
      System.exit(2);
    }
    try (SparkSession spark = SparkSession.builder().remote(args[0]).build()) {
      List<Row> rows = spark.sql("SELECT 1").collect();
      System.out.println(rows.get(0).getInt(0));
    }
  }
}
