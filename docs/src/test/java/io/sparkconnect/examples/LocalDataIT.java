package io.sparkconnect.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;

/** {@link LocalData} against a real server: rows with a schema and records, aggregated by the server. */
class LocalDataIT {
  @SparkConnectTest
  void aggregatesTheClientsRows(@ConnectionString String remote) throws Exception {
    String out = ConsoleCapture.run(() -> LocalData.main(new String[] {remote}));
    assertEquals("Oldest language: Python (1991)\n"
        + "FR average population " + (522_000 + 2_103_000) / 2 + "\n"
        + "IT average population 848000\n", out);
  }
}
