package io.sparkconnect.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.transport.TlsSettings;
import java.io.IOException;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What SparkConnectServer.Builder#tls puts in front of a server, here in front of an echo server. */
class TlsFrontendTest {
  @TempDir Path dir;

  @Test
  void mutualTlsIssuesTheClientCertificateThatClientTlsPresents() throws Exception {
    ServerTls settings = ServerTls.builder().names("localhost").requireClientCertificate(true).build();
    try (EchoServer echo = new EchoServer();
        TlsFrontend frontend = TlsFrontend.start(settings, echo.port(), 0, dir)) {
      TlsSettings client = frontend.clientTls();
      IssuedCertificate certificate = frontend.clientCertificate().orElseThrow();
      assertEquals(frontend.caCertificate(), client.trustCertificates().orElseThrow());
      assertEquals(certificate.certificateFile(), client.clientCertificateChain().orElseThrow());
      assertEquals(certificate.privateKeyFile(), client.clientPrivateKey().orElseThrow());
      assertTrue(frontend.caCertificate().startsWith(dir), "files go under the work directory");
      try (SSLSocket socket = JdkTlsClient.connect(frontend.port(), frontend.caCertificate(), certificate)) {
        assertEquals("with", JdkTlsClient.roundTrip(socket, "with"));
      }
      try (SSLSocket socket = JdkTlsClient.connect(frontend.port(), frontend.caCertificate(), null)) {
        assertThrows(IOException.class, () -> JdkTlsClient.roundTrip(socket, "without"));
      }
    }
  }

  @Test
  void withoutMutualTlsClientsOnlyTrustTheCa() throws Exception {
    try (EchoServer echo = new EchoServer();
        TlsFrontend frontend = TlsFrontend.start(ServerTls.defaults(), echo.port(), 0, dir)) {
      assertTrue(frontend.clientCertificate().isEmpty());
      assertTrue(frontend.clientTls().clientCertificateChain().isEmpty());
      try (SSLSocket socket = JdkTlsClient.connect(frontend.port(), frontend.caCertificate(), null)) {
        assertEquals("ok", JdkTlsClient.roundTrip(socket, "ok"));
      }
    }
  }
}
