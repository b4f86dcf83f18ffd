package io.sparkconnect.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
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

  @Test
  void tlsRejectsAServerSignedByAnUntrustedCa() throws Exception {
    try (LoopbackServer server = LoopbackServer.tls(certs, false, null);
        ConnectChannel channel = ConnectChannel.open(ChannelSettings.builder().host("localhost").port(server.port())
            .tls(TlsSettings.builder().trustCertificates(certs.otherCaCertificate).build()).build())) {
      StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> echo(channel, "x"));
      assertEquals(Status.Code.UNAVAILABLE, error.getStatus().getCode());
    }
  }

  @Test
  void authorityOverrideVerifiesAnotherName() throws Exception {
    try (LoopbackServer server = LoopbackServer.tls(certs, false, null);
        ConnectChannel channel = ConnectChannel.open(ChannelSettings.builder().host("127.0.0.1").port(server.port())
            .tls(TlsSettings.builder().trustCertificates(certs.caCertificate).authorityOverride("localhost").build())
            .build())) {
      assertEquals("echo:o", echo(channel, "o"));
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
      StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> echo(withoutCert, "m"));
      assertEquals(Status.Code.UNAVAILABLE, error.getStatus().getCode());
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
