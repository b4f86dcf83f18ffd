package io.sparkconnect.examples;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import java.util.List;

/** Connects to a Spark Connect server, runs one SQL query and prints its rows. */
public final class FirstQuery {
  private FirstQuery() {}

  /** {@code args[0]}: the server's address, such as {@code sc://localhost:15002}. */
  public static void main(String[] args) {
    try (SparkSession spark = SparkSession.builder().remote(args[0]).build()) {
      System.out.println("Connected to Spark " + spark.version());
      List<Row> rows = spark.sql("SELECT id, id * id AS square FROM range(1, 6)").collect();
      for (Row row : rows) {
        System.out.println(row.getLong(0) + " squared is " + row.getLong(1));
      }
    }
  }
}
