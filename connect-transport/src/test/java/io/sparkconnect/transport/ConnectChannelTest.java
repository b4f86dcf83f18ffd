package io.sparkconnect.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.sparkconnect.transport.internal.TlsFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real handshakes and header checks against gRPC servers on loopback. */
class ConnectChannelTest {
  @TempDir static Path dir;
  static TestCertificates certs;

  @BeforeAll
  static void certificates() {
    certs = TestCertificates.create(dir);
  }

  private static String echo(ConnectChannel channel, String message) {
    CallOptions options = channel.callCredentials().map(CallOptions.DEFAULT::withCallCredentials)
        .orElse(CallOptions.DEFAULT);
    return ClientCalls.blockingUnaryCall(channel.channel(), LoopbackServer.ECHO, options, message);
  }

  @Test
  void plaintextCallCarriesHeadersAndUserAgent() throws Exception {
    try (LoopbackServer server = LoopbackServer.plaintext(null);
        ConnectChannel channel = ConnectChannel.open(ChannelSettings.of(ConnectionString.parse(
            "sc://127.0.0.1:" + server.port() + "/;user_agent=my-tool;x-team=data;x-trace=a%3Db")))) {
      assertEquals("echo:hi", echo(channel, "hi"));
      assertEquals("data", server.header("x-team"));
      assertEquals("a=b", server.header("x-trace"));
      assertTrue(server.header("user-agent").startsWith("spark-connect-java/"), server.header("user-agent"));
      assertTrue(server.header("user-agent").contains("my-tool"), server.header("user-agent"));
      assertEquals(null, server.header("authorization"));
    }
  }

  @Test
  void usesNativeEpollOnLinux() {
    try (ConnectChannel channel = ConnectChannel.open(ChannelSettings.of(ConnectionString.parse("sc://127.0.0.1")))) {
      String expected = System.getProperty("os.name").toLowerCase().contains("linux") ? "epoll" : "nio";
      assertEquals(expected, channel.transportName());
    }
  }

  @Test
  void bearerTokenOverPlaintextLoopbackWhenOptedIn() throws Exception {
    try (LoopbackServer server = LoopbackServer.plaintext("s3cret");
        ConnectChannel good = ConnectChannel.open(ChannelSettings.of(ConnectionString.parse(
            "sc://127.0.0.1:" + server.port() + "/;use_ssl=false;token=s3cret")));
        ConnectChannel bad = ConnectChannel.open(ChannelSettings.of(ConnectionString.parse(
            "sc://127.0.0.1:" + server.port() + "/;use_ssl=false;token=wrong")))) {
      assertEquals("echo:x", echo(good, "x"));
      assertEquals("Bearer s3cret", server.header("authorization"));
      StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> echo(bad, "x"));
      assertEquals(Status.Code.UNAUTHENTICATED, error.getStatus().getCode());
    }
  }

  @Test
  void tlsWithCustomCaAndToken() throws Exception {
    try (LoopbackServer server = LoopbackServer.tls(certs, false, "tok==");
        ConnectChannel channel = ConnectChannel.open(ChannelSettings.builder()
            .applyConnectionString(ConnectionString.parse("sc://localhost:" + server.port() + "/;token=tok=="))
            .tls(TlsSettings.builder().trustCertificates(certs.caCertificate).build())
            .build())) {
      assertTrue(channel.tlsProvider().isPresent());
      assertEquals("echo:secure", echo(channel, "secure"));
      assertEquals("Bearer tok==", server.header("authorization"));
    }
  }

  @Test
  void tlsPrefersOpenSsl() throws Exception {
    try (LoopbackServer server = LoopbackServer.tls(certs, false, null);
        ConnectChannel channel = ConnectChannel.open(ChannelSettings.builder().host("localhost").port(server.port())
            .tls(TlsSettings.builder().trustCertificates(certs.caCertificate).build()).build())) {
      assertEquals("OPENSSL", channel.tlsProvider().orElseThrow());
      assertEquals("echo:1", echo(channel, "1"));
    }
  }

  private static TlsFailure tlsFailure(ConnectChannel channel) {
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> echo(channel, "x"));
    return TlsFailure.of(error).orElseThrow(() -> new AssertionError("not recognised as a TLS failure", error));
  }

  @Test
  void tlsRejectsAServerSignedByAnUntrustedCaAndSaysWhoIssuedIt() throws Exception {
    try (LoopbackServer server = LoopbackServer.tls(certs, false, null);
        ConnectChannel channel = ConnectChannel.open(ChannelSettings.builder().host("localhost").port(server.port())
            .tls(TlsSettings.builder().trustCertificates(certs.otherCaCertificate).build()).build())) {
      TlsFailure failure = tlsFailure(channel);
      assertEquals(TlsFailure.Kind.UNTRUSTED_CERTIFICATE, failure.kind(), failure::toString);
      assertTrue(failure.explanation().contains("issued by CN=test-ca"), failure::toString);
      assertTrue(failure.explanation().contains("for localhost, 127.0.0.1"), failure::toString);
      assertTrue(failure.explanation().contains("trustCertificates"), failure::toString);
    }
  }

  /** The certificate names only spark.test: the override is what makes 127.0.0.1 acceptable. */
  @Test
  void authorityOverrideVerifiesAnotherName() throws Exception {
    try (LoopbackServer server = LoopbackServer.tls(certs.otherNameCertificate, certs.otherNameKey, null, null);
        ConnectChannel overridden = ConnectChannel.open(ChannelSettings.builder().host("127.0.0.1")
            .port(server.port()).tls(TlsSettings.builder().trustCertificates(certs.caCertificate)
                .authorityOverride(TestCertificates.OTHER_NAME).build()).build());
        ConnectChannel plain = ConnectChannel.open(ChannelSettings.builder().host("127.0.0.1").port(server.port())
            .tls(TlsSettings.builder().trustCertificates(certs.caCertificate).build()).build())) {
      assertEquals("echo:o", echo(overridden, "o"));
      TlsFailure failure = tlsFailure(plain);
      assertEquals(TlsFailure.Kind.CERTIFICATE_NAME_MISMATCH, failure.kind(), failure::toString);
      assertTrue(failure.explanation().contains("is for spark.test, not for 127.0.0.1"), failure::toString);
      assertTrue(failure.explanation().contains("authorityOverride(\"spark.test\")"), failure::toString);
    }
  }

  @Test
  void aHostNameTheCertificateDoesNotHoldIsRefused() throws Exception {
    try (LoopbackServer server = LoopbackServer.tls(certs.otherNameCertificate, certs.otherNameKey, null, null);
        ConnectChannel channel = ConnectChannel.open(ChannelSettings.builder().host("localhost").port(server.port())
            .tls(TlsSettings.builder().trustCertificates(certs.caCertificate).build()).build())) {
      TlsFailure failure = tlsFailure(channel);
      assertEquals(TlsFailure.Kind.CERTIFICATE_NAME_MISMATCH, failure.kind(), failure::toString);
      assertTrue(failure.explanation().contains("is for spark.test, not for localhost"), failure::toString);
    }
  }

  @Test
  void tlsAgainstAPlaintextServerSaysSo() throws Exception {
    try (LoopbackServer server = LoopbackServer.plaintext(null);
        ConnectChannel channel = ConnectChannel.open(ChannelSettings.builder().host("localhost").port(server.port())
            .tls(TlsSettings.builder().trustCertificates(certs.caCertificate).build()).build())) {
      TlsFailure failure = tlsFailure(channel);
      assertEquals(TlsFailure.Kind.PLAINTEXT_SERVER, failure.kind(), failure::toString);
      assertTrue(failure.explanation().contains("use_ssl=false"), failure::toString);
    }
  }

  @Test
  void aClosedPortIsNoTlsFailure() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (ConnectChannel channel = ConnectChannel.open(ChannelSettings.builder().host("127.0.0.1").port(port)
        .tls(TlsSettings.builder().trustCertificates(certs.caCertificate).build()).build())) {
      StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> echo(channel, "x"));
      assertEquals(Status.Code.UNAVAILABLE, error.getStatus().getCode());
      assertTrue(TlsFailure.of(error).isEmpty(), () -> "a refused connection may succeed later: " + error);
    }
  }

  @Test
  void mutualTls() throws Exception {
    try (LoopbackServer server = LoopbackServer.tls(certs, true, null);
        ConnectChannel withCert = ConnectChannel.open(ChannelSettings.builder().host("localhost").port(server.port())
            .tls(TlsSettings.builder().trustCertificates(certs.caCertificate)
                .clientCertificate(certs.clientCertificate, certs.clientKey).build())
            .build());
        ConnectChannel withoutCert = ConnectChannel.open(ChannelSettings.builder().host("localhost")
            .port(server.port()).tls(TlsSettings.builder().trustCertificates(certs.caCertificate).build()).build())) {
      assertEquals("echo:m", echo(withCert, "m"));
      TlsFailure failure = tlsFailure(withoutCert);
      assertEquals(TlsFailure.Kind.CLIENT_CERTIFICATE_REFUSED, failure.kind(), failure::toString);
      assertTrue(failure.explanation().contains("clientCertificate("), failure::toString);
    }
  }

  @Test
  void unusableTlsMaterialIsATypedError() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
    TransportException error = assertThrows(TransportException.class, () -> ConnectChannel.open(
        ChannelSettings.builder().host("localhost").tls(TlsSettings.builder().trustCertificates(garbage).build())
            .build()));
    assertTrue(error.getMessage().contains("PEM"), error.getMessage());
  }

  @Test
  void missingCertificateFileIsRejectedAtOnce() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> TlsSettings.builder().trustCertificates(dir.resolve("absent.pem")));
    assertTrue(error.getMessage().contains("absent.pem"), error.getMessage());
  }

  @Test
  void closeShutsTheChannelDown() {
    ConnectChannel channel = ConnectChannel.open(ChannelSettings.of(ConnectionString.parse("sc://127.0.0.1")));
    channel.close();
    assertTrue(channel.isClosed());
  }
}
