package io.sparkconnect.examples;

import static io.sparkconnect.sql.functions.col;

import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.SaveMode;
import io.sparkconnect.sql.SparkSession;

/** Writes a DataFrame as Parquet and as CSV files, then reads both back. Paths are on the server's file system. */
public final class ReadWriteFiles {
  private ReadWriteFiles() {}

  /** {@code args[0]}: the server's address; {@code args[1]}: a directory the server can write to. */
  public static void main(String[] args) {
    String directory = args[1];
    try (SparkSession spark = SparkSession.builder().remote(args[0]).build()) {
      DataFrame cubes = spark.range(10).select(col("id"), col("id").multiply(col("id")).multiply(col("id")).alias("cube"));

      cubes.write().mode(SaveMode.Overwrite).parquet(directory + "/cubes.parquet");
      DataFrame fromParquet = spark.read().parquet(directory + "/cubes.parquet");
      System.out.println("Parquet: " + fromParquet.count() + " rows, schema " + fromParquet.schema().simpleString());

      cubes.write().mode(SaveMode.Overwrite).option("header", true).csv(directory + "/cubes.csv");
      DataFrame fromCsv = spark.read().option("header", true).option("inferSchema", true).csv(directory + "/cubes.csv");
      long largest = fromCsv.orderBy(col("cube").desc()).first().getInt(1);
      System.out.println("CSV: " + fromCsv.count() + " rows, largest cube " + largest);
    }
  }
}
