package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import io.sparkconnect.testkit.scenarios.internal.RealTaxiFiles;
import java.util.List;

/**
 * E2E scenarios on parquet files given by path, as with real TLC taxi data: the files ({@link RealTaxiFiles}) are
 * read through {@link ScenarioSettings#dataPath()}, so the scenarios know nothing of the generator and take their
 * expected values from server aggregates of the files.
 */
class RealDataPathIT {
  @SparkConnectTest
  void scenariosRunOnParquetFilesGivenByPath(@ConnectionString String remote) {
    String path = RealTaxiFiles.write(remote, "real_data_path_it");
    ScenarioSettings settings = ScenarioSettings.shortRun().toBuilder().dataPath(path).build();
    List<Scenario> scenarios = Scenarios.select(ScenarioKind.E2E, List.of("dataset-integrity",
        "full-table-aggregates", "percentiles-and-stddev", "grouping-sets", "zone-join", "window-running-total",
        "window-lag-lead", "streaming-iteration", "large-collect", "window-rank", "parameterized-sql",
        "save-as-table", "parquet-round-trip", "java-udf"));
    RunReport report = ScenarioRunner.builder().connectionString(remote).settings(settings).build().run(scenarios);
    for (ScenarioResult result : report.results()) {
      assertTrue(result.passed(), result::toString);
    }
    assertEquals(RealTaxiFiles.TRIPS, report.results().get(0).metrics().get("trips"));
    assertEquals(false, report.results().get(0).metrics().get("generated"));
  }
}
