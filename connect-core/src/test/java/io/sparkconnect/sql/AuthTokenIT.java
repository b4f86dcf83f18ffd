package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import org.junit.jupiter.api.Test;

/** A real 4.x server started with {@code spark.connect.authenticate.token}: the test-kit and the client use it. */
class AuthTokenIT {
  private static final String TOKEN = "it-token;with%odd=chars";

  @Test
  void aServerWithATokenStartsAndAcceptsOnlyThatToken() {
    String version = SparkVersions.matrix().stream().filter(v -> !v.startsWith("3.")).findFirst()
        .orElseThrow(() -> new IllegalStateException("This test needs a 4.x server in -Dspark.versions; 3.5 "
            + "servers have no token authentication"));
    try (SparkConnectServer server = SparkConnectServer.builder().sparkVersion(version)
        .token(TOKEN).start()) {
      assertFalse(server.toString().contains("it-token"), server.toString());
      try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
        assertEquals(3, spark.range(3).collect().size(), "the right token works");
      }
      String plain = "sc://127.0.0.1:" + server.port();
      for (String remote : new String[] {plain, plain + "/;use_ssl=false;token=wrong"}) {
        try (SparkSession spark = SparkSession.builder().remote(remote).build()) {
          ConnectionException refused = assertThrows(ConnectionException.class, spark::version, remote);
          assertTrue(refused.getMessage().contains("rejected the credentials"), refused.getMessage());
          assertFalse(refused.getMessage().contains("it-token"), refused.getMessage());
        }
      }
    }
  }
}
