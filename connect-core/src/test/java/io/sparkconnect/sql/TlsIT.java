package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.spi.Failure;
import io.sparkconnect.spi.RetryListener;
import io.sparkconnect.testkit.IssuedCertificate;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.TestCertificateAuthority;
import io.sparkconnect.testkit.TlsProxy;
import io.sparkconnect.transport.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS end to end against a real 4.x server behind the test-kit's TLS proxy: what works, and what is refused at once,
 * without retries, with a message naming the cause and the fix.
 */
class TlsIT {
  private static final String TOKEN = "tls-it-token";
  /** The default retry policy would keep retrying an UNAVAILABLE call for minutes; a refusal takes well under this. */
  private static final Duration AT_ONCE = Duration.ofSeconds(5);

  @TempDir static Path dir;
  private static SparkConnectServer server;
  private static TestCertificateAuthority ca;
  private static IssuedCertificate localCertificate;

  @BeforeAll
  static void start() {
    String version = SparkVersions.matrix().stream().filter(v -> !v.startsWith("3.")).findFirst()
        .orElseThrow(() -> new IllegalStateException("This test needs a 4.x server in -Dspark.versions; 3.5 "
            + "servers have no token authentication"));
    server = SparkConnectServer.builder().sparkVersion(version).token(TOKEN).tls().start();
    ca = TestCertificateAuthority.create(dir.resolve("ca"), "TlsIT CA");
    localCertificate = ca.issueServerCertificate("localhost", "127.0.0.1");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static TlsSettings trustingTheItCa() {
    return TlsSettings.builder().trustCertificates(ca.certificateFile()).build();
  }

  private static String throughProxy(TlsProxy proxy) {
    return proxy.connectionString() + ";token=" + TOKEN;
  }

  /**
   * Asserts that a unary call and a result stream of a session both fail at once: not retried (a retry fails the
   * test on the spot instead of after minutes of the default policy's waits), a non-retryable {@link
   * ConnectionException} whose message holds no library internals.
   */
  private static ConnectionException refusedAtOnce(String remote, TlsSettings tls) {
    RetryListener listener = new RetryListener() {
      @Override
      public void onRetry(String call, Failure failure, int retry, Duration delay) {
        throw new AssertionError("a TLS refusal was retried: " + failure);
      }
    };
    ConnectionException first = null;
    for (Function<SparkSession, Object> call : List.<Function<SparkSession, Object>>of(
        SparkSession::version, spark -> spark.range(1).collect())) {
      try (SparkSession spark = SparkSession.builder().remote(remote).tls(tls).retryListener(listener).build()) {
        long start = System.nanoTime();
        ConnectionException refused = assertThrows(ConnectionException.class, () -> call.apply(spark));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(AT_ONCE) < 0, "took " + took + ": " + refused.getMessage());
        assertFalse(refused.isRetryable(), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("Cannot open a TLS connection to the Spark Connect server at "
            + "127.0.0.1:"), refused.getMessage());
        for (String internal : new String[] {"io.netty", "Pipeline", "Exception", "io exception"}) {
          assertFalse(refused.getMessage().contains(internal), internal + " in: " + refused.getMessage());
        }
        assertFalse(refused.getMessage().contains(TOKEN), refused.getMessage());
        if (first == null) {
          first = refused;
        } else {
          assertEquals(first.getMessage(), refused.getMessage(), "a result stream says the same as a unary call");
        }
      }
    }
    return first;
  }

  @Test
  void aTrustedCertificateWorksAndCarriesTheToken() {
    assertTrue(server.connectionString().startsWith("sc://127.0.0.1:" + server.port() + "/;use_ssl=true;token="),
        server.toString());
    assertTrue(server.port() != server.plaintextPort());
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).tls(server.clientTls())
        .build()) {
      assertEquals(server.sparkVersion(), spark.version());
      assertEquals(3, spark.range(3).collect().size());
    }
    String wrongToken = "sc://127.0.0.1:" + server.port() + "/;use_ssl=true;token=wrong";
    try (SparkSession spark = SparkSession.builder().remote(wrongToken).tls(server.clientTls()).build()) {
      ConnectionException refused = assertThrows(ConnectionException.class, spark::version);
      assertTrue(refused.getMessage().contains("rejected the credentials"), refused.getMessage());
    }
  }

  @Test
  void aCertificateForOtherNamesIsRefusedAtOnceNamingThem() {
    try (TlsProxy proxy = TlsProxy.builder(server.plaintextPort())
        .certificate(ca.issueServerCertificate("spark.test", "other.test")).start()) {
      ConnectionException refused = refusedAtOnce(throughProxy(proxy), trustingTheItCa());
      assertTrue(refused.getMessage().contains("the server's certificate is for spark.test, other.test, not for "
          + "127.0.0.1"), refused.getMessage());
      assertTrue(refused.getMessage().contains("authorityOverride(\"spark.test\")"), refused.getMessage());
    }
  }

  /** The certificate names only spark.test: only the override makes 127.0.0.1 acceptable. */
  @Test
  void theAuthorityOverrideIsHonoured() {
    try (TlsProxy proxy = TlsProxy.builder(server.plaintextPort())
        .certificate(ca.issueServerCertificate("spark.test")).start();
        SparkSession spark = SparkSession.builder().remote(throughProxy(proxy))
            .tls(trustingTheItCa().toBuilder().authorityOverride("spark.test").build()).build()) {
      assertEquals(5, spark.range(5).collect().size());
    }
  }

  @Test
  void anUntrustedCaIsRefusedAtOnceNamingTheIssuer() {
    try (TlsProxy proxy = TlsProxy.builder(server.plaintextPort()).certificate(localCertificate).start()) {
      TlsSettings otherCa = TlsSettings.builder().trustCertificates(server.caCertificate().orElseThrow()).build();
      TlsSettings jdkTrustStore = TlsSettings.builder().enabled(true).build();
      for (TlsSettings tls : List.of(otherCa, jdkTrustStore)) {
        ConnectionException refused = refusedAtOnce(throughProxy(proxy), tls);
        assertTrue(refused.getMessage().contains("for localhost, 127.0.0.1 was issued by CN=TlsIT CA, which this "
            + "client does not trust"), refused.getMessage());
        assertTrue(refused.getMessage().contains("trustCertificates("), refused.getMessage());
      }
    }
  }

  @Test
  void mutualTlsAdmitsAClientCertificateAndRefusesNone() {
    IssuedCertificate client = ca.issueClientCertificate("tls-it-client");
    try (TlsProxy proxy = TlsProxy.builder(server.plaintextPort()).certificate(localCertificate)
        .requireClientCertificate(ca.certificateFile()).start()) {
      TlsSettings withCertificate = trustingTheItCa().toBuilder()
          .clientCertificate(client.certificateFile(), client.privateKeyFile()).build();
      try (SparkSession spark = SparkSession.builder().remote(throughProxy(proxy)).tls(withCertificate).build()) {
        assertEquals(2, spark.range(2).collect().size());
      }
      ConnectionException refused = refusedAtOnce(throughProxy(proxy), trustingTheItCa());
      assertTrue(refused.getMessage().contains("the server refused the client's certificate or requires one"),
          refused.getMessage());
      assertTrue(refused.getMessage().contains("clientCertificate("), refused.getMessage());
    }
  }

  @Test
  void aTlsClientAgainstThePlaintextServerIsToldItSpeaksPlaintext() {
    String remote = "sc://127.0.0.1:" + server.plaintextPort() + "/;use_ssl=true;token=" + TOKEN;
    ConnectionException refused = refusedAtOnce(remote, server.clientTls());
    assertTrue(refused.getMessage().contains("the server answered in plaintext, not TLS"), refused.getMessage());
    assertTrue(refused.getMessage().contains("use_ssl=false"), refused.getMessage());
  }
}
