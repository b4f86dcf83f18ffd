package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.sql.functions;
import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.util.List;

/**
 * The E2E checks can fail: after one fare of the generated dataset is changed on the server by a cent, the
 * integrity scenario, which compares the table with the generator's model, fails and names the difference.
 */
class TamperedDataIT {
  @SparkConnectTest
  void aChangedFareFailsTheIntegrityScenario(@ConnectionString String remote) {
    ScenarioSettings settings = ScenarioSettings.shortRun().toBuilder().scale(0.002).build();
    List<Scenario> integrity = Scenarios.select(ScenarioKind.E2E, List.of("dataset-integrity"));
    ScenarioRunner runner = ScenarioRunner.builder().connectionString(remote).settings(settings).build();
    String table = "spark_connect_java.taxi_trips_v2_2000";
    String copy = "spark_connect_java.tampered_copy_2000";
    try (SparkSession spark = SparkSession.builder().remote(remote).build()) {
      try {
        ScenarioResult before = runner.run(integrity).results().get(0);
        assertTrue(before.passed(), before::toString);
        spark.sql("DROP TABLE IF EXISTS " + copy).collect();
        spark.table(table).withColumn("fare_amount", functions.expr(
            "IF(tpep_pickup_datetime = (SELECT min(tpep_pickup_datetime) FROM " + table + " WHERE fare_amount IS NOT "
                + "NULL), fare_amount + 0.01, fare_amount)")).write().format("parquet").saveAsTable(copy);
        spark.table(copy).write().mode("overwrite").insertInto(table);
        assertEquals(2000L, spark.table(table).count());

        ScenarioResult after = runner.run(integrity).results().get(0);
        assertFalse(after.passed(), after::toString);
        String message = after.message().orElseThrow();
        assertTrue(message.startsWith("fare cents: expected ") && message.contains(" but was "), message);
      } finally {
        spark.sql("DROP TABLE IF EXISTS " + copy).collect();
        spark.sql("DROP TABLE IF EXISTS " + table).collect();
      }
    }
  }
}
