package io.sparkconnect.testkit.containers;

import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.Plan;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.ReleaseSessionRequest;
import io.sparkconnect.proto.SQL;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import io.sparkconnect.proto.UserContext;
import io.sparkconnect.transport.ChannelSettings;
import io.sparkconnect.transport.ConnectChannel;
import io.sparkconnect.transport.TlsSettings;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The few raw Spark Connect calls the container classes need to decide that a server is ready: its version, a
 * session release, and the row count of a SQL query (read from the Arrow batches' headers, so no Arrow decoding).
 * The test-kit cannot use the client of connect-core, which itself tests against the test-kit.
 */
public final class SparkConnectProbe implements AutoCloseable {
  private static final UserContext USER = UserContext.newBuilder().setUserId("spark-connect-java-test-kit").build();

  private final ConnectChannel channel;

  private SparkConnectProbe(ConnectChannel channel) {
    this.channel = channel;
  }

  /** A plaintext channel to host:port that sends the token, if not null. */
  public static SparkConnectProbe open(String host, int port, String token) {
    ChannelSettings.Builder settings = ChannelSettings.builder().host(host).port(port).eventLoopThreads(1);
    if (token != null) {
      settings.token(token).tls(TlsSettings.plaintext());
    }
    return new SparkConnectProbe(ConnectChannel.open(settings.build()));
  }

  /** The server's Spark version; throws the gRPC error while it does not answer. */
  public String sparkVersion() {
    return stub(10).analyzePlan(AnalyzePlanRequest.newBuilder()
            .setSessionId(UUID.randomUUID().toString())
            .setUserContext(USER)
            .setClientType("spark-connect-java-test-kit")
            .setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance())
            .build())
        .getSparkVersion()
        .getVersion();
  }

  /** Creates a session and releases it, which fails on 4.x servers that miss part of their classpath. */
  public void checkReleaseSession() {
    String session = UUID.randomUUID().toString();
    SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub = stub(30);
    stub.analyzePlan(AnalyzePlanRequest.newBuilder()
        .setSessionId(session)
        .setUserContext(USER)
        .setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance())
        .build());
    stub.releaseSession(ReleaseSessionRequest.newBuilder().setSessionId(session).setUserContext(USER).build());
  }

  /** Runs a SQL query in a new session and returns how many rows it produced. */
  public long countRows(String sql, int timeoutSeconds) {
    ExecutePlanRequest request = ExecutePlanRequest.newBuilder()
        .setSessionId(UUID.randomUUID().toString())
        .setUserContext(USER)
        .setClientType("spark-connect-java-test-kit")
        .setPlan(Plan.newBuilder().setRoot(Relation.newBuilder().setSql(SQL.newBuilder().setQuery(sql))))
        .build();
    long rows = 0;
    Iterator<ExecutePlanResponse> responses = stub(timeoutSeconds).executePlan(request);
    while (responses.hasNext()) {
      ExecutePlanResponse response = responses.next();
      if (response.hasArrowBatch()) {
        rows += response.getArrowBatch().getRowCount();
      }
    }
    return rows;
  }

  private SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub(int timeoutSeconds) {
    SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub =
        SparkConnectServiceGrpc.newBlockingStub(channel.channel()).withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS);
    return channel.callCredentials().map(stub::withCallCredentials).orElse(stub);
  }

  @Override
  public void close() {
    channel.close();
  }
}
