package io.sparkconnect.examples;

import static io.sparkconnect.sql.functions.avg;
import static io.sparkconnect.sql.functions.col;

import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.StructType;
import java.util.List;

/** Sends data from the client to the server: rows with a schema, and Java records. */
public final class LocalData {
  private LocalData() {}

  /** A record becomes a row; its components become the columns. */
  public record City(String name, String country, long population) {}

  /** {@code args[0]}: the server's address. */
  public static void main(String[] args) {
    try (SparkSession spark = SparkSession.builder().remote(args[0]).build()) {
      StructType schema = StructType.empty()
          .add("language", DataTypes.StringType)
          .add("year", DataTypes.IntegerType);
      DataFrame languages = spark.createDataFrame(List.of(
          Row.of("Java", 1995), Row.of("Scala", 2004), Row.of("Python", 1991)), schema);
      Row oldest = languages.orderBy(col("year")).first();
      System.out.println("Oldest language: " + oldest.getString(0) + " (" + oldest.getInt(1) + ")");

      DataFrame cities = spark.createDataFrame(List.of(
          new City("Lyon", "FR", 522_000), new City("Paris", "FR", 2_103_000), new City("Turin", "IT", 848_000)),
          City.class);
      for (Row row : cities.groupBy("country").agg(avg("population").alias("average")).orderBy("country")
          .collect()) {
        System.out.println(row.getString(0) + " average population " + Math.round(row.getDouble(1)));
      }
    }
  }
}
