package io.sparkconnect.testkit.internal;

import io.sparkconnect.testkit.ServerStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The jars of one Spark server version, listed at build time as paths in Maven repository layout. Jars missing from
 * the local Maven repository are downloaded from Maven Central, checked against their SHA-1, and kept there.
 */
public final class ServerClasspath {
  /**
   * Where the build puts each version's jar list, as {@code spark-<version>.classpath}, and their sizes, as {@code
   * spark-<version>.sizes} ({@code <path> : <bytes>} lines).
   */
  static final String RESOURCE_DIR = "META-INF/spark-connect-java/servers/";
  private static final String REPO_PREFIX = "REPO/";
  private static final String SIZE_SEPARATOR = " : ";
  private static final String DEFAULT_REMOTE = "https://repo.maven.apache.org/maven2/";

  private ServerClasspath() {}

  /** The jar paths, relative to a Maven repository root, that make up the server for this version. */
  public static List<String> entries(String sparkVersion) {
    String resource = RESOURCE_DIR + "spark-" + sparkVersion + ".classpath";
    ClassLoader loader = ServerClasspath.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ServerStartException("No server classpath for Spark " + sparkVersion + " (resource " + resource
            + "); add the spark-connect-java-test-kit-spark-" + sparkVersion.substring(0, 3) + " artifact");
      }
      List<String> entries = new ArrayList<>();
      for (String entry : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split(";")) {
        if (!entry.startsWith(REPO_PREFIX)) {
          throw new ServerStartException("Malformed entry '" + entry + "' in " + resource);
        }
        entries.add(entry.substring(REPO_PREFIX.length()));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The size in bytes of each jar of the version, keyed by its path as in {@link #entries(String)}; empty when the
   * server artifact predates the size list.
   */
  public static Map<String, Long> sizes(String sparkVersion) {
    String resource = RESOURCE_DIR + "spark-" + sparkVersion + ".sizes";
    try (InputStream in = ServerClasspath.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Map.of();
      }
      Map<String, Long> sizes = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        int separator = line.lastIndexOf(SIZE_SEPARATOR);
        if (line.isBlank()) {
          continue;
        }
        if (separator < 0) {
          throw new ServerStartException("Malformed line '" + line + "' in " + resource);
        }
        sizes.put(line.substring(0, separator).strip(),
            Long.parseLong(line.substring(separator + SIZE_SEPARATOR.length()).strip()));
      }
      return Collections.unmodifiableMap(sizes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The local Maven repository: {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}. */
  public static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    return Paths.get(System.getProperty("user.home"), ".m2", "repository");
  }

  /** The remote repository to download from: {@code -Dsparkconnect.maven.remote}, else Maven Central. */
  static String remoteRepository() {
    String configured = System.getProperty("sparkconnect.maven.remote",
        System.getenv().getOrDefault("SPARK_CONNECT_MAVEN_REMOTE", DEFAULT_REMOTE));
    return configured.endsWith("/") ? configured : configured + "/";
  }

  /**
   * Returns the local jar files for the entries, downloading those that are missing.
   *
   * @param progress receives one line per downloaded jar and a summary; never null
   */
  public static List<Path> resolve(String sparkVersion, List<String> entries, Consumer<String> progress) {
    Path repository = localRepository();
    List<String> missing = new ArrayList<>();
    List<Path> jars = new ArrayList<>();
    for (String entry : entries) {
      Path jar = repository.resolve(entry);
      jars.add(jar);
      if (!Files.isRegularFile(jar)) {
        missing.add(entry);
      }
    }
    if (!missing.isEmpty()) {
      download(sparkVersion, missing, repository, progress);
    }
    return jars;
  }

  private static void download(String sparkVersion, List<String> missing, Path repository,
      Consumer<String> progress) {
    String remote = remoteRepository();
    progress.accept("Downloading " + missing.size() + " jars for Spark " + sparkVersion + " from " + remote
        + " into " + repository + " (first use only)");
    HttpClient http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
    long totalBytes = 0;
    int done = 0;
    for (String entry : missing) {
      long bytes = downloadOne(http, remote + entry, repository.resolve(entry));
      totalBytes += bytes;
      done++;
      progress.accept(String.format("  [%d/%d] %s (%.1f MiB so far)", done, missing.size(),
          entry.substring(entry.lastIndexOf('/') + 1), totalBytes / 1048576.0));
    }
    progress.accept(String.format("Downloaded %.1f MiB for Spark %s", totalBytes / 1048576.0, sparkVersion));
  }

  private static long downloadOne(HttpClient http, String url, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
      try {
        HttpResponse<Path> response = http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).build(),
            HttpResponse.BodyHandlers.ofFile(partial));
        if (response.statusCode() != 200) {
          throw new ServerStartException("Cannot download " + url + ": HTTP " + response.statusCode());
        }
        verifySha1(http, url, partial);
        long size = Files.size(partial);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return size;
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new ServerStartException("Cannot download " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("Interrupted while downloading " + url, e);
    }
  }

  private static void verifySha1(HttpClient http, String url, Path file) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new ServerStartException("Cannot verify " + url + ": its .sha1 answered HTTP " + response.statusCode());
    }
    String expected = response.body().strip().split("\\s+")[0].toLowerCase();
    String actual;
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      actual = HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (!expected.equals(actual)) {
      throw new ServerStartException("Checksum mismatch for " + url + ": expected " + expected + ", got " + actual);
    }
  }
}
