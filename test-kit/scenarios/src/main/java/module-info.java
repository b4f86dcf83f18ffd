/**
 * Smoke, E2E and load scenarios for Spark Connect deployments: a catalog of named scenarios with assertions that can
 * fail, a deterministic NYC-taxi-shaped dataset, a runner, and JSON/HTML reports. Used from JUnit and from the
 * {@code spark-connect} tool.
 */
module io.sparkconnect.testkit.scenarios {
  requires transitive io.sparkconnect.core;
  requires io.sparkconnect.testkit;
  requires com.fasterxml.jackson.core;
  requires HdrHistogram;
  requires java.management;
  requires jdk.management;
  requires jdk.jfr;
  requires static org.junit.jupiter.api;

  exports io.sparkconnect.testkit.scenarios;
  exports io.sparkconnect.testkit.scenarios.junit;
}
