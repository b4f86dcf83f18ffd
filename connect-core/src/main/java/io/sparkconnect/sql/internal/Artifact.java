package io.sparkconnect.sql.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** One artifact to send to the server: its name there ({@code jars/x.jar}, {@code cache/<sha256>}) and its bytes. */
public final class Artifact {
  private final String name;
  private final long size;
  private final byte[] bytes;
  private final Path file;
  private String sha256;

  private Artifact(String name, long size, byte[] bytes, Path file) {
    this.name = ArtifactNames.check(name);
    this.size = size;
    this.bytes = bytes;
    this.file = file;
  }

  /** An artifact held in memory. */
  public static Artifact ofBytes(String name, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new Artifact(name, bytes.length, bytes, null);
  }

  /** An artifact read from a file each time it is sent. */
  public static Artifact ofFile(String name, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Cannot add artifact " + file + ": it is not a readable file");
    }
    try {
      return new Artifact(name, Files.size(file), null, file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of artifact " + file, e);
    }
  }

  public String name() {
    return name;
  }

  public long size() {
    return size;
  }

  /** The content, from its start. */
  public InputStream open() throws IOException {
    return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
  }

  /** The hex SHA-256 of the content, computed once. */
  public synchronized String sha256() {
    if (sha256 == null) {
      sha256 = sha256(this);
    }
    return sha256;
  }

  private static String sha256(Artifact artifact) {
    try (InputStream in = artifact.open()) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read artifact " + artifact.name, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
  }

  /** The hex SHA-256 of {@code bytes}, as the server names cached data. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return name + " (" + size + " bytes)";
  }
}
