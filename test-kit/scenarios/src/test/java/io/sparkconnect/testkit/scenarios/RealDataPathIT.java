package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.util.List;

/**
 * E2E scenarios on parquet files given by path, as with real TLC taxi data: the files here are a copy the server
 * writes of a generated dataset, read back through {@link ScenarioSettings#dataPath()}, so nothing of the generator
 * is known to the scenarios.
 */
class RealDataPathIT {
  @SparkConnectTest
  void scenariosRunOnParquetFilesGivenByPath(@ConnectionString String remote) {
    String path;
    try (SparkSession spark = SparkSession.builder().remote(remote).build()) {
      String warehouse = spark.conf().get("spark.sql.warehouse.dir").replaceAll("/+$", "");
      path = warehouse + "/real_data_path_it/yellow_tripdata";
      spark.sql("SELECT id AS trip, CAST(1 + id % 2 AS BIGINT) AS VendorID, "
          + "CAST(timestamp_seconds(1704067200 + id * 60) AS TIMESTAMP_NTZ) AS tpep_pickup_datetime, "
          + "CAST(timestamp_seconds(1704067200 + id * 60 + 600) AS TIMESTAMP_NTZ) AS tpep_dropoff_datetime, "
          + "CAST(id % 5 + 1 AS BIGINT) AS passenger_count, (id % 90) / 10.0D AS trip_distance, "
          + "CAST(1 + id % 265 AS INT) AS PULocationID, CAST(1 + id * 7 % 265 AS INT) AS DOLocationID, "
          + "CAST(1 + id % 4 AS BIGINT) AS payment_type, IF(id % 97 = 0, NULL, 3.0D + id % 50) AS fare_amount, "
          + "IF(id % 4 = 0, 1.5D, 0D) AS tip_amount, 8.0D + id % 50 AS total_amount, "
          + "IF(id % 3 = 0, 'Y', 'N') AS store_and_fwd_flag FROM range(5000)")
          .write().mode("overwrite").parquet(path);
    }
    ScenarioSettings settings = ScenarioSettings.shortRun().toBuilder().dataPath(path).build();
    List<Scenario> scenarios = Scenarios.select(ScenarioKind.E2E, List.of("dataset-integrity",
        "full-table-aggregates", "percentiles-and-stddev", "grouping-sets", "zone-join", "window-running-total",
        "window-lag-lead", "streaming-iteration"));
    RunReport report = ScenarioRunner.builder().connectionString(remote).settings(settings).build().run(scenarios);
    for (ScenarioResult result : report.results()) {
      assertTrue(result.passed(), result::toString);
    }
    assertEquals(5000L, report.results().get(0).metrics().get("trips"));
    assertEquals(false, report.results().get(0).metrics().get("generated"));
  }
}
