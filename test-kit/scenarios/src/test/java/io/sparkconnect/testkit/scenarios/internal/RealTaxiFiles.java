package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.SparkSession;

/**
 * Parquet files shaped like real TLC yellow-taxi data (TIMESTAMP_NTZ pickups, NULL fares, an extra column), written
 * by the server under its warehouse for tests of the {@code --data PATH} mode; nothing of the generator's model.
 */
public final class RealTaxiFiles {
  /** Trips in the files. */
  public static final long TRIPS = 5000;

  private RealTaxiFiles() {}

  /** Writes the files under the server's warehouse in the directory {@code name} and returns their path. */
  public static String write(String remote, String name) {
    try (SparkSession spark = SparkSession.builder().remote(remote).build()) {
      String warehouse = spark.conf().get("spark.sql.warehouse.dir").replaceAll("/+$", "");
      String path = warehouse + "/" + name + "/yellow_tripdata";
      spark.sql("SELECT id AS trip, CAST(1 + id % 2 AS BIGINT) AS VendorID, "
          + "CAST(timestamp_seconds(1704067200 + id * 60) AS TIMESTAMP_NTZ) AS tpep_pickup_datetime, "
          + "CAST(timestamp_seconds(1704067200 + id * 60 + 600) AS TIMESTAMP_NTZ) AS tpep_dropoff_datetime, "
          + "CAST(id % 5 + 1 AS BIGINT) AS passenger_count, (id % 90) / 10.0D AS trip_distance, "
          + "CAST(1 + id % 265 AS INT) AS PULocationID, CAST(1 + id * 7 % 265 AS INT) AS DOLocationID, "
          + "CAST(1 + id % 4 AS BIGINT) AS payment_type, IF(id % 97 = 0, NULL, 3.0D + id % 50) AS fare_amount, "
          + "IF(id % 4 = 0, 1.5D, 0D) AS tip_amount, 8.0D + id % 50 AS total_amount, "
          + "IF(id % 3 = 0, 'Y', 'N') AS store_and_fwd_flag FROM range(" + TRIPS + ")")
          .write().mode("overwrite").parquet(path);
      return path;
    }
  }
}
