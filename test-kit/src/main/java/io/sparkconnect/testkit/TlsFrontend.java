package io.sparkconnect.testkit;

import io.sparkconnect.transport.TlsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The CA, certificates and {@link TlsProxy} that put TLS in front of a server started by the test-kit. */
final class TlsFrontend implements AutoCloseable {
  private final TestCertificateAuthority authority;
  private final IssuedCertificate clientCertificate;
  private final TlsProxy proxy;

  private TlsFrontend(TestCertificateAuthority authority, IssuedCertificate clientCertificate, TlsProxy proxy) {
    this.authority = authority;
    this.clientCertificate = clientCertificate;
    this.proxy = proxy;
  }

  /**
   * Issues the certificates and starts the proxy.
   *
   * @param port the port clients use, or 0 for a free one
   */
  static TlsFrontend start(ServerTls settings, int targetPort, int port, Path workDirectory) {
    Path directory = settings.directory().orElseGet(() -> newDirectory(workDirectory));
    TestCertificateAuthority authority = TestCertificateAuthority.create(directory);
    IssuedCertificate server = authority.issueServerCertificate(settings.names().toArray(new String[0]));
    IssuedCertificate client = settings.requireClientCertificate()
        ? authority.issueClientCertificate("spark-connect-java test client") : null;
    TlsProxy.Builder proxy = TlsProxy.builder(targetPort).certificate(server).untilClosed();
    if (client != null) {
      proxy.requireClientCertificate(authority.certificateFile());
    }
    if (port != 0) {
      proxy.port(port);
    }
    return new TlsFrontend(authority, client, proxy.start());
  }

  int port() {
    return proxy.port();
  }

  Path caCertificate() {
    return authority.certificateFile();
  }

  Optional<IssuedCertificate> clientCertificate() {
    return Optional.ofNullable(clientCertificate);
  }

  /** What a client needs: trust in the CA, and the client certificate when the server requires one. */
  TlsSettings clientTls() {
    TlsSettings.Builder tls = TlsSettings.builder().trustCertificates(authority.certificateFile());
    if (clientCertificate != null) {
      tls.clientCertificate(clientCertificate.certificateFile(), clientCertificate.privateKeyFile());
    }
    return tls.build();
  }

  @Override
  public void close() {
    proxy.close();
  }

  private static Path newDirectory(Path workDirectory) {
    try {
      Files.createDirectories(workDirectory);
      return Files.createTempDirectory(workDirectory, "tls-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for TLS files under " + workDirectory, e);
    }
  }
}
