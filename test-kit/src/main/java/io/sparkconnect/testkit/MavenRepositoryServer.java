package io.sparkconnect.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A Maven repository over HTTP on 127.0.0.1, serving the files of a local repository directory (a stand-in for a
 * company's Nexus or Artifactory mirror in tests): {@code GET} and {@code HEAD} of any file, and SHA-1 checksums
 * computed when the directory has no {@code .sha1} file. It records every request path, can require HTTP Basic
 * credentials, and can slow its responses down, to test interrupted downloads.
 */
public final class MavenRepositoryServer implements AutoCloseable {
  private final Path root;
  private final HttpServer server;
  private final String authorization;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile long bytesPerSecond;

  private MavenRepositoryServer(Path root, String authorization) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.authorization = authorization;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, task -> {
      Thread thread = new Thread(task, "maven-repository-server");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  /** Serves the repository directory {@code root} until closed. */
  public static MavenRepositoryServer serve(Path root) {
    return start(root, null);
  }

  /** Serves {@code root} until closed, answering 401 to requests without these HTTP Basic credentials. */
  public static MavenRepositoryServer serve(Path root, String username, String password) {
    String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return start(root, "Basic " + token);
  }

  private static MavenRepositoryServer start(Path root, String authorization) {
    try {
      return new MavenRepositoryServer(root, authorization);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a Maven repository server", e);
    }
  }

  /** The repository's base URL, ending with a slash. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Every request path so far, in order, such as {@code /org/apache/spark/.../spark-sql_2.13-4.1.2.jar}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Sends file bodies at about this many bytes per second from now on; 0 for full speed. */
  public void throttle(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      requests.add(path);
      if (authorization != null && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"repository\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      Path file = root.resolve(path.substring(1)).normalize();
      byte[] checksum = null;
      if (!file.startsWith(root)) {
        exchange.sendResponseHeaders(403, -1);
        return;
      }
      if (!Files.isRegularFile(file) && path.endsWith(".sha1")) {
        Path artifact = root.resolve(path.substring(1, path.length() - ".sha1".length())).normalize();
        if (artifact.startsWith(root) && Files.isRegularFile(artifact)) {
          checksum = sha1(artifact).getBytes(StandardCharsets.US_ASCII);
        }
      }
      if (checksum == null && !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long length = checksum != null ? checksum.length : Files.size(file);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(200, head ? -1 : length);
      if (head) {
        return;
      }
      try (OutputStream out = exchange.getResponseBody();
          InputStream in = checksum != null ? new ByteArrayInputStream(checksum)
              : Files.newInputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          out.write(buffer, 0, n);
          pace(n);
        }
      }
    }
  }

  private void pace(int bytes) {
    long rate = bytesPerSecond;
    if (rate > 0) {
      try {
        Thread.sleep(Math.max(1, bytes * 1000L / rate));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String sha1(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
