package io.sparkconnect.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import io.sparkconnect.proto.UserContext;
import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import io.sparkconnect.transport.ChannelSettings;
import io.sparkconnect.transport.ConnectChannel;
import java.nio.file.Files;
import java.util.UUID;

/** The shared real servers start, answer Spark Connect requests, and report their own version. */
class SparkConnectServerIT {

  @SparkConnectTest
  void answersWithItsOwnVersion(SparkConnectServer server) {
    try (ConnectChannel channel = ConnectChannel.open(ChannelSettings.of(
        io.sparkconnect.transport.ConnectionString.parse(server.connectionString())))) {
      String version = SparkConnectServiceGrpc.newBlockingStub(channel.channel())
          .analyzePlan(AnalyzePlanRequest.newBuilder()
              .setSessionId(UUID.randomUUID().toString())
              .setUserContext(UserContext.newBuilder().setUserId("it"))
              .setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance())
              .build())
          .getSparkVersion().getVersion();
      assertEquals(server.sparkVersion(), version);
    }
    assertTrue(server.isRunning());
    assertTrue(server.connectionString().startsWith("sc://127.0.0.1:"), server.connectionString());
  }

  @SparkConnectTest
  void isSharedAndLogsToAFile(SparkConnectServer server, @ConnectionString String remote) throws Exception {
    assertSame(server, SparkConnectServer.shared(server.sparkVersion()));
    assertSame(server, SparkConnectServer.shared(server.sparkVersion().substring(0, 3)));
    assertEquals(server.connectionString(), remote);
    assertTrue(Files.readString(server.logFile()).contains("Spark"), "log should contain Spark's output");
  }
}
