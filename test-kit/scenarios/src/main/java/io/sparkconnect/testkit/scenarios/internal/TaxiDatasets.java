package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import io.sparkconnect.testkit.scenarios.TaxiDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prepares the taxi dataset on the server: generates the trips and zones as parquet tables in the
 * {@value #DATABASE} database (reused by later runs when complete), or exposes real TLC parquet files as a global
 * temporary view named after the path.
 */
final class TaxiDatasets {
  static final String DATABASE = "spark_connect_java";
  /** Bumped whenever the generator's definition changes, so older tables are not reused. */
  static final String GENERATOR_VERSION = "v2";
  static final List<String> REQUIRED_COLUMNS = List.of("VendorID", "tpep_pickup_datetime", "tpep_dropoff_datetime",
      "trip_distance", "PULocationID", "DOLocationID", "payment_type", "fare_amount", "tip_amount", "total_amount");
  private static final long ROWS_PER_PARTITION = 250_000;

  private TaxiDatasets() {}

  static TaxiDataset prepare(SparkSession base, ScenarioSettings settings, Consumer<String> note) {
    long start = System.nanoTime();
    try (SparkSession spark = Sessions.utcSession(base)) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + DATABASE).collect();
      String zones = DATABASE + ".taxi_zones_" + GENERATOR_VERSION;
      if (!exists(spark, zones, TaxiTripModel.ZONES)) {
        spark.sql(TaxiZoneModel.sql()).write().format("parquet").mode("overwrite").saveAsTable(zones);
      }
      if (settings.dataPath().isPresent()) {
        return fromFiles(spark, settings.dataPath().get(), zones, note, start);
      }
      long trips = settings.tripCount();
      String table = DATABASE + ".taxi_trips_" + GENERATOR_VERSION + "_" + trips;
      if (exists(spark, table, trips)) {
        note.accept("Reusing the generated dataset " + table + " (" + trips + " trips)");
      } else {
        note.accept("Generating " + trips + " taxi trips into the parquet table " + table);
        int partitions = (int) Math.max(1, Math.min(64, (trips + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION));
        spark.sql(TaxiTripSql.trips(trips, partitions)).write().format("parquet").mode("overwrite")
            .saveAsTable(table);
        long written = spark.table(table).count();
        if (written != trips) {
          throw new IllegalStateException("The generator wrote " + written + " trips into " + table + ", not " + trips);
        }
        note.accept(String.format("Generated %d trips in %.1f s", trips, (System.nanoTime() - start) / 1e9));
      }
      return new TaxiDataset(table, zones, trips, true, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static TaxiDataset fromFiles(SparkSession spark, String path, String zones, Consumer<String> note,
      long start) {
    note.accept("Reading taxi trips from " + path);
    String view = "sc_java_taxi_trips_" + Integer.toHexString(path.hashCode());
    // A view made by SQL, not from a DataFrame: on 3.5 servers a DataFrame's view keeps its plan ids, which then
    // collide with those of later DataFrames and make joins on it ambiguous.
    spark.sql("CREATE OR REPLACE GLOBAL TEMPORARY VIEW " + view + " AS SELECT * FROM parquet.`"
        + path.replace("`", "``") + "`").collect();
    DataFrame trips = spark.table("global_temp." + view);
    List<String> missing = new ArrayList<>(REQUIRED_COLUMNS);
    missing.removeAll(Arrays.asList(trips.columns()));
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("The parquet files at " + path + " lack the NYC yellow taxi columns " + missing
          + "; point the data path at yellow_tripdata_*.parquet files");
    }
    String table = "global_temp." + view;
    long count = spark.table(table).count();
    note.accept("Read " + count + " taxi trips from " + path);
    return new TaxiDataset(table, zones, count, false, (System.nanoTime() - start) / 1_000_000);
  }

  /** Whether the table exists and holds the expected rows; a partial table from an interrupted run is rewritten. */
  private static boolean exists(SparkSession spark, String qualified, long rows) {
    String name = qualified.substring(qualified.indexOf('.') + 1);
    boolean listed = !spark.sql("SHOW TABLES IN " + DATABASE + " LIKE '" + name + "'").collect().isEmpty();
    return listed && spark.table(qualified).count() == rows;
  }
}
