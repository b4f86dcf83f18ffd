package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.sparkconnect.spi.CredentialsProvider;
import io.sparkconnect.spi.Failure;
import io.sparkconnect.spi.RetryListener;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.transport.InsecureCredentialsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials providers against a real 4.x server started with a token: refreshed once when refused. */
class CredentialsIT {
  private static final String TOKEN = "credentials-it-token";
  private static SparkConnectServer server;

  /** Gives its tokens in turn, the next after each refresh and the last for ever; counts the refreshes. */
  static final class ScriptedCredentials implements CredentialsProvider {
    private final List<String> tokens;
    private int current;
    final List<String> refused = new CopyOnWriteArrayList<>();

    ScriptedCredentials(String... tokens) {
      this.tokens = List.of(tokens);
    }

    @Override
    public synchronized String authorization() {
      return "Bearer " + tokens.get(current);
    }

    @Override
    public synchronized boolean refresh(String rejected) {
      refused.add(rejected);
      current = Math.min(current + 1, tokens.size() - 1);
      return true;
    }
  }

  @BeforeAll
  static void startServer() {
    String version = SparkVersions.matrix().stream().filter(v -> !v.startsWith("3.")).findFirst()
        .orElseThrow(() -> new IllegalStateException("This test needs a 4.x server in -Dspark.versions; 3.5 "
            + "servers have no token authentication"));
    server = SparkConnectServer.builder().sparkVersion(version).token(TOKEN).start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private static String plaintext() {
    return "sc://127.0.0.1:" + server.port() + "/;use_ssl=false";
  }

  @Test
  void aRefusedCredentialIsRefreshedOnceAndTheCallSucceedsUnseenByInterceptors() {
    ScriptedCredentials credentials = new ScriptedCredentials("expired", TOKEN);
    List<String> intercepted = new CopyOnWriteArrayList<>();
    ClientInterceptor interceptor = new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
          Channel next) {
        intercepted.add(method.getBareMethodName());
        return next.newCall(method, options);
      }
    };
    SparkConnectSettings settings = SparkConnectSettings.builder().applyConnectionString(plaintext())
        .channel(c -> c.credentials(credentials)).interceptor(interceptor).build();
    try (SparkSession spark = SparkSession.create(settings)) {
      assertEquals(3, spark.range(3).collect().size());
      assertEquals(List.of("Bearer expired"), credentials.refused);
      assertEquals(1, Collections.frequency(intercepted, "ExecutePlan"),
          "the call sent again is still one call to interceptors: " + intercepted);
      assertEquals(server.sparkVersion(), spark.version());
      assertEquals(1, credentials.refused.size(), "the fresh credential is kept");
    }
  }

  @Test
  void aCredentialThatStaysWrongFailsWithConnectionExceptionAfterExactlyOneRefresh() {
    ScriptedCredentials credentials = new ScriptedCredentials("wrong-1", "wrong-2");
    try (SparkSession spark = SparkSession.builder().remote(plaintext()).credentials(credentials).build()) {
      ConnectionException refused = assertThrows(ConnectionException.class, () -> spark.range(3).collect());
      assertTrue(refused.getMessage().contains("rejected the credentials"), refused.getMessage());
      assertFalse(refused.getMessage().contains("wrong-"), refused.getMessage());
      assertEquals(List.of("Bearer wrong-1"), credentials.refused);
    }
  }

  @Test
  void theTokenFileProviderPicksUpARewrittenFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "stale-token\n");
    try (SparkSession spark = SparkSession.builder().remote(plaintext())
        .credentials("token-file", Map.of("path", file.toString())).build()) {
      ConnectionException refused = assertThrows(ConnectionException.class, spark::version);
      assertTrue(refused.getMessage().contains("rejected the credentials"), refused.getMessage());
      Files.writeString(file, TOKEN + "\n");
      assertEquals(2, spark.range(2).count());
    }
  }

  @Test
  void aProviderThatCannotGiveACredentialIsAConnectionExceptionAtOnce(@TempDir Path dir) {
    Path absent = dir.resolve("absent-token");
    List<String> retries = new CopyOnWriteArrayList<>();
    RetryListener listener = new RetryListener() {
      @Override
      public void onRetry(String call, Failure failure, int retry, Duration delay) {
        retries.add("retry " + call);
      }

      @Override
      public void onReattach(String operationId, String lastResponseId, int reattach, Failure cause) {
        retries.add("reattach " + operationId);
      }
    };
    try (SparkSession spark = SparkSession.builder().remote(plaintext()).retryListener(listener)
        .clock(delay -> { }, System::nanoTime).credentials(CredentialsProvider.tokenFile(absent)).build()) {
      String expected = "Cannot get credentials for the Spark Connect server at 127.0.0.1:" + server.port()
          + ": Token file " + absent + " does not exist; check the path given to the token-file credentials";
      assertEquals(expected, assertThrows(ConnectionException.class, spark::version).getMessage());
      assertEquals(expected, assertThrows(ConnectionException.class, () -> spark.range(1).collect()).getMessage());
      assertEquals(List.of(), retries, "nothing was sent, so nothing is retried");
    }
  }

  @Test
  void credentialsAreRefusedOverPlaintextToANetworkHost() {
    InsecureCredentialsException error = assertThrows(InsecureCredentialsException.class,
        () -> SparkSession.builder().remote("sc://spark.example.com/;use_ssl=false")
            .credentials(CredentialsProvider.bearer(TOKEN)).build());
    assertTrue(error.getMessage().contains("turn TLS on"), error.getMessage());
    assertFalse(error.getMessage().contains(TOKEN), error.getMessage());
  }
}
