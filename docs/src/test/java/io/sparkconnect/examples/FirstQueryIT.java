package io.sparkconnect.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;

/** {@link FirstQuery} against a real server: the server's version, then five squares. */
class FirstQueryIT {
  @SparkConnectTest
  void printsTheServerVersionAndTheSquares(SparkConnectServer server) throws Exception {
    String out = ConsoleCapture.run(() -> FirstQuery.main(new String[] {server.connectionString()}));
    StringBuilder expected = new StringBuilder("Connected to Spark " + server.sparkVersion() + "\n");
    for (long i = 1; i <= 5; i++) {
      expected.append(i).append(" squared is ").append(i * i).append('\n');
    }
    assertEquals(expected.toString(), out);
  }
}
