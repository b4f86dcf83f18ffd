package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import org.junit.jupiter.api.Test;

/** Large plans travel ZSTD-compressed to servers that offer it, and as they are to those that do not. */
class PlanCompressionIT {
  private static final int PLAN_BYTES = 4 << 20;

  private static long lengthOfALargeLiteral(SparkSession spark) {
    String literal = "spark connect ".repeat(PLAN_BYTES / 14);
    return spark.sql("SELECT length('" + literal + "') AS n").collect().get(0).getInt(0);
  }

  @Test
  void aPlanLargerThanTheServersInboundLimitGetsThroughCompressed() {
    String version = SparkVersions.matrix().stream().filter(v -> v.compareTo("4.1") >= 0).findFirst()
        .orElseThrow(() -> new IllegalStateException("This test needs a 4.1 or newer server in -Dspark.versions"));
    try (SparkConnectServer server = SparkConnectServer.builder().sparkVersion(version)
        .conf("spark.connect.grpc.maxInboundMessageSize", String.valueOf(1 << 20))
        .conf("spark.connect.session.planCompression.threshold", String.valueOf(512 << 10))
        .start();
        SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      assertEquals(PLAN_BYTES / 14 * 14, lengthOfALargeLiteral(spark),
          "a 4 MiB plan passes a 1 MiB inbound limit only compressed");
    }
  }

  @SparkConnectTest
  void everyServerRunsALargePlan(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      assertEquals(PLAN_BYTES / 14 * 14, lengthOfALargeLiteral(spark));
    }
  }
}
