package io.sparkconnect.testkit.internal;

import io.grpc.StatusRuntimeException;
import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.ReleaseSessionRequest;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import io.sparkconnect.proto.UserContext;
import io.sparkconnect.transport.ChannelSettings;
import io.sparkconnect.transport.ConnectChannel;
import io.sparkconnect.transport.TlsSettings;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Asks a server for its version over Spark Connect itself, the only proof that it is ready for clients. */
final class ReadinessProbe {
  private static final UserContext USER = UserContext.newBuilder().setUserId("spark-connect-java-test-kit").build();

  private ReadinessProbe() {}

  /** Returns the server's Spark version, or throws the gRPC error if it does not answer yet. */
  static String sparkVersion(ConnectChannel channel) {
    AnalyzePlanRequest request = AnalyzePlanRequest.newBuilder()
        .setSessionId(UUID.randomUUID().toString())
        .setUserContext(USER)
        .setClientType("spark-connect-java-test-kit")
        .setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance())
        .build();
    return stub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .analyzePlan(request)
        .getSparkVersion()
        .getVersion();
  }

  /**
   * Creates a session and releases it, which fails on 4.x servers that miss part of their classpath.
   *
   * @throws StatusRuntimeException if the release fails
   */
  static void checkReleaseSession(ConnectChannel channel) {
    String session = UUID.randomUUID().toString();
    SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub =
        stub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    stub.analyzePlan(AnalyzePlanRequest.newBuilder()
        .setSessionId(session)
        .setUserContext(USER)
        .setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance())
        .build());
    stub.releaseSession(ReleaseSessionRequest.newBuilder().setSessionId(session).setUserContext(USER).build());
  }

  /** A plaintext loopback channel that sends the server's token, if it has one. */
  static ConnectChannel open(int port, String token) {
    ChannelSettings.Builder settings = ChannelSettings.builder().host("127.0.0.1").port(port).eventLoopThreads(1);
    if (token != null) {
      settings.token(token).tls(TlsSettings.plaintext());
    }
    return ConnectChannel.open(settings.build());
  }

  private static SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub(ConnectChannel channel) {
    SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub =
        SparkConnectServiceGrpc.newBlockingStub(channel.channel());
    return channel.callCredentials().map(stub::withCallCredentials).orElse(stub);
  }
}
