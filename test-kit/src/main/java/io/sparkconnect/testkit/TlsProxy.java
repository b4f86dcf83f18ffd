package io.sparkconnect.testkit;

import io.sparkconnect.testkit.internal.ServerSslContexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS-terminating proxy on 127.0.0.1 in front of a plaintext server on 127.0.0.1, as a load balancer in front of
 * Spark Connect: it accepts TLS with ALPN {@code h2} (gRPC needs HTTP/2), optionally requires client certificates
 * signed by a CA (mutual TLS), and forwards the decrypted bytes, so gRPC's plaintext HTTP/2 flows through
 * unchanged. It stops by itself after its lifetime. Thread-safe.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = TestCertificateAuthority.create(dir);
 * IssuedCertificate cert = ca.issueServerCertificate("localhost", "127.0.0.1");
 * try (TlsProxy proxy = TlsProxy.builder(server.plaintextPort())
 *     .certificate(cert.certificateFile(), cert.privateKeyFile()).start()) {
 *   SparkSession.builder().remote(proxy.connectionString())
 *       .tls(TlsSettings.builder().trustCertificates(ca.certificateFile()).build())...
 * }
 * }</pre>
 */
public final class TlsProxy implements AutoCloseable {
  /** The longest a client may take to finish its TLS handshake. */
  public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  private final int targetPort;
  private final SSLServerSocket listener;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger handshakeFailures = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private final Thread lifetimeGuard;

  private TlsProxy(Builder builder) throws IOException {
    this.targetPort = builder.targetPort;
    this.listener = (SSLServerSocket) ServerSslContexts
        .create(builder.certificateChain, builder.privateKey, builder.clientAuthority)
        .getServerSocketFactory()
        .createServerSocket(builder.port, 50, InetAddress.getLoopbackAddress());
    SSLParameters parameters = listener.getSSLParameters();
    parameters.setApplicationProtocols(builder.applicationProtocols.toArray(new String[0]));
    parameters.setNeedClientAuth(builder.clientAuthority != null);
    listener.setSSLParameters(parameters);
    this.acceptor = daemon(this::acceptLoop, "tls-proxy-accept-" + listener.getLocalPort());
    long lifetime = builder.lifetime == null ? 0 : builder.lifetime.toMillis();
    this.lifetimeGuard = lifetime == 0 ? null : daemon(() -> {
      try {
        Thread.sleep(lifetime);
      } catch (InterruptedException e) {
        return;
      }
      close();
    }, "tls-proxy-lifetime-" + listener.getLocalPort());
  }

  /** A proxy for a plaintext server listening on 127.0.0.1 at {@code targetPort}. */
  public static Builder builder(int targetPort) {
    return new Builder(targetPort);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The address clients use to go through the proxy: {@code sc://127.0.0.1:<port>/;use_ssl=true}. */
  public String connectionString() {
    return "sc://127.0.0.1:" + port() + "/;use_ssl=true";
  }

  /** How many TCP connections the proxy accepted. */
  public int connections() {
    return connections.get();
  }

  /** How many accepted connections failed their TLS handshake, such as clients without a required certificate. */
  public int handshakeFailures() {
    return handshakeFailures.get();
  }

  public boolean isClosed() {
    return closed.get();
  }

  private void acceptLoop() {
    while (!closed.get()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      connections.incrementAndGet();
      open.add(client);
      daemon(() -> serve((SSLSocket) client), "tls-proxy-up-" + port()).start();
    }
  }

  /** Finishes the handshake, connects to the server and copies both ways until either side closes. */
  private void serve(SSLSocket client) {
    try {
      client.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
      client.startHandshake();
      client.setSoTimeout(0);
    } catch (IOException e) {
      handshakeFailures.incrementAndGet();
      closeQuietly(client);
      return;
    }
    Socket server = new Socket();
    open.add(server);
    try {
      server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(server);
      return;
    }
    daemon(() -> copy(server, client), "tls-proxy-down-" + port()).start();
    copy(client, server);
  }

  private void copy(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed or the proxy was closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void closeQuietly(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private TlsProxy begin() {
    acceptor.start();
    if (lifetimeGuard != null) {
      lifetimeGuard.start();
    }
    return this;
  }

  /** Stops accepting and cuts every open connection. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        listener.close();
      } catch (IOException e) {
        // already closed
      }
      for (Socket socket : open) {
        closeQuietly(socket);
      }
      if (lifetimeGuard != null) {
        lifetimeGuard.interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "TlsProxy{127.0.0.1:" + port() + " -> 127.0.0.1:" + targetPort + "}";
  }

  /** Configures a {@link TlsProxy}; a certificate is required. Not thread-safe. */
  public static final class Builder {
    private final int targetPort;
    private Path certificateChain;
    private Path privateKey;
    private Path clientAuthority;
    private List<String> applicationProtocols = List.of("h2");
    private int port;
    private Duration lifetime = Duration.ofMinutes(10);

    private Builder(int targetPort) {
      this.targetPort = checkPort(targetPort, "target port");
    }

    /** The server's certificate chain and its unencrypted PKCS#8 private key, both PEM files. */
    public Builder certificate(Path certificateChainPem, Path privateKeyPem) {
      this.certificateChain = readable(certificateChainPem, "certificate chain");
      this.privateKey = readable(privateKeyPem, "private key");
      return this;
    }

    /** The server certificate and key of an {@link IssuedCertificate}. */
    public Builder certificate(IssuedCertificate certificate) {
      return certificate(certificate.certificateFile(), certificate.privateKeyFile());
    }

    /** Requires every client to present a certificate signed by the CA in this PEM file (mutual TLS). */
    public Builder requireClientCertificate(Path authorityPem) {
      this.clientAuthority = readable(authorityPem, "client CA");
      return this;
    }

    /**
     * The ALPN protocols offered, {@code h2} by default. None, or only {@code http/1.1}, makes the proxy behave as a
     * TLS terminator without HTTP/2, which gRPC clients refuse.
     */
    public Builder applicationProtocols(String... protocols) {
      this.applicationProtocols = List.of(protocols);
      return this;
    }

    /** Listens on this port of 127.0.0.1 instead of a free one. */
    public Builder port(int port) {
      this.port = checkPort(port, "port");
      return this;
    }

    /** Stops the proxy after this long (default 10 minutes). */
    public Builder lifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("lifetime must be positive, got " + lifetime);
      }
      this.lifetime = lifetime;
      return this;
    }

    /** Runs until closed, for a proxy that lives as long as the server it fronts. */
    Builder untilClosed() {
      this.lifetime = null;
      return this;
    }

    /**
     * Opens the port and starts accepting.
     *
     * @throws IllegalStateException if no certificate was given
     * @throws IllegalArgumentException if the certificate, key or CA cannot be used
     */
    public TlsProxy start() {
      if (certificateChain == null) {
        throw new IllegalStateException("the proxy needs a certificate: call certificate(chainPem, keyPem), for "
            + "example with one from TestCertificateAuthority.issueServerCertificate(\"localhost\", \"127.0.0.1\")");
      }
      try {
        return new TlsProxy(this).begin();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the TLS proxy's port " + port + " on 127.0.0.1", e);
      }
    }

    private static int checkPort(int port, String what) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(what + " must be between 1 and 65535, got " + port);
      }
      return port;
    }

    private static Path readable(Path file, String what) {
      Objects.requireNonNull(file, what);
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("the " + what + " file " + file + " does not exist or cannot be read");
      }
      return file;
    }
  }
}
