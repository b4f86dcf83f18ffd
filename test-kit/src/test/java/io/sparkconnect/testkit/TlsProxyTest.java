package io.sparkconnect.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import io.sparkconnect.transport.ChannelSettings;
import io.sparkconnect.transport.ConnectChannel;
import io.sparkconnect.transport.ConnectionString;
import io.sparkconnect.transport.TlsSettings;
import io.sparkconnect.transport.internal.TlsFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS proxy in front of a plaintext echo server, driven by JDK TLS clients and by the gRPC client. */
class TlsProxyTest {
  @TempDir Path dir;
  private TestCertificateAuthority ca;
  private IssuedCertificate serverCertificate;
  private EchoServer echo;

  @BeforeEach
  void start() throws IOException {
    ca = TestCertificateAuthority.create(dir);
    serverCertificate = ca.issueServerCertificate("localhost", "127.0.0.1");
    echo = new EchoServer();
  }

  @AfterEach
  void stop() throws IOException {
    echo.close();
  }

  private SSLSocket connect(TlsProxy proxy, IssuedCertificate clientCertificate) throws Exception {
    return JdkTlsClient.connect(proxy.port(), ca.certificateFile(), clientCertificate);
  }

  private static String roundTrip(SSLSocket socket, String text) throws IOException {
    return JdkTlsClient.roundTrip(socket, text);
  }

  @Test
  void forwardsTheDecryptedBytesAfterAgreeingOnHttp2() throws Exception {
    try (TlsProxy proxy = TlsProxy.builder(echo.port()).certificate(serverCertificate).start();
        SSLSocket socket = connect(proxy, null)) {
      socket.startHandshake();
      assertEquals("h2", socket.getApplicationProtocol());
      assertEquals("ping", roundTrip(socket, "ping"));
      assertEquals("sc://127.0.0.1:" + proxy.port() + "/;use_ssl=true", proxy.connectionString());
      assertEquals(1, proxy.connections());
      assertEquals(0, proxy.handshakeFailures());
    }
  }

  @Test
  void mutualTlsAdmitsOnlyClientsWithACertificateFromTheCa() throws Exception {
    IssuedCertificate client = ca.issueClientCertificate("alice");
    IssuedCertificate stranger = TestCertificateAuthority.create(dir.resolve("other"), "other CA")
        .issueClientCertificate("mallory");
    try (TlsProxy proxy = TlsProxy.builder(echo.port()).certificate(serverCertificate)
        .requireClientCertificate(ca.certificateFile()).start()) {
      try (SSLSocket socket = connect(proxy, client)) {
        assertEquals("mutual", roundTrip(socket, "mutual"));
      }
      for (IssuedCertificate refused : new IssuedCertificate[] {null, stranger}) {
        try (SSLSocket socket = connect(proxy, refused)) {
          assertThrows(IOException.class, () -> roundTrip(socket, "x"), "client certificate " + refused);
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (proxy.handshakeFailures() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(2, proxy.handshakeFailures());
    }
  }

  /** A proxy that offers no HTTP/2 is what gRPC clients refuse, and the client says so. */
  @Test
  void grpcClientsRefuseAProxyWithoutHttp2() throws Exception {
    for (String[] protocols : new String[][] {{}, {"http/1.1"}}) {
      try (TlsProxy proxy = TlsProxy.builder(echo.port()).certificate(serverCertificate)
          .applicationProtocols(protocols).start();
          ConnectChannel channel = ConnectChannel.open(ChannelSettings.builder()
              .applyConnectionString(ConnectionString.parse(proxy.connectionString()))
              .tls(TlsSettings.builder().trustCertificates(ca.certificateFile()).build()).build())) {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
            () -> SparkConnectServiceGrpc.newBlockingStub(channel.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
                .analyzePlan(AnalyzePlanRequest.getDefaultInstance()));
        TlsFailure failure = TlsFailure.of(error).orElseThrow(() -> new AssertionError("ALPN " + String.join(",",
            protocols) + ": not recognised as a TLS failure", error));
        assertEquals(TlsFailure.Kind.NO_HTTP2, failure.kind(), failure::toString);
      }
    }
  }

  @Test
  void closingCutsOpenConnectionsAndTheLifetimeClosesTheProxy() throws Exception {
    try (TlsProxy proxy = TlsProxy.builder(echo.port()).certificate(serverCertificate)
        .lifetime(Duration.ofMillis(300)).start();
        SSLSocket socket = connect(proxy, null)) {
      assertEquals("a", roundTrip(socket, "a"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!proxy.isClosed() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(proxy.isClosed(), "the lifetime should close the proxy");
      InputStream in = socket.getInputStream();
      try {
        assertEquals(-1, in.read(), "the connection should be cut");
      } catch (SSLException | java.net.SocketException e) {
        // cut without a TLS close: as good
      }
      assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), proxy.port()).close());
    }
  }

  @Test
  void aProxyWithoutCertificateSaysWhatItNeeds() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> TlsProxy.builder(echo.port()).start());
    assertTrue(error.getMessage().contains("issueServerCertificate"), error.getMessage());
  }
}
