package io.sparkconnect.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SparkConnectServer.Builder#tls(ServerTls)} puts TLS in front of a server: the names its certificate
 * is for, whether clients need a certificate (mutual TLS), and where the PEM files go. Immutable; build with
 * {@link #builder()}.
 */
public final class ServerTls {
  /** The names of the server certificate unless others are given. */
  public static final List<String> DEFAULT_NAMES = List.of("localhost", "127.0.0.1");

  private static final ServerTls DEFAULTS = builder().build();

  private final List<String> names;
  private final boolean requireClientCertificate;
  private final Path directory;

  private ServerTls(Builder builder) {
    this.names = builder.names;
    this.requireClientCertificate = builder.requireClientCertificate;
    this.directory = builder.directory;
  }

  /** A certificate for {@code localhost} and {@code 127.0.0.1}, no client certificates, files in the work directory. */
  public static ServerTls defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The DNS names and IP addresses of the server certificate. */
  public List<String> names() {
    return names;
  }

  public boolean requireClientCertificate() {
    return requireClientCertificate;
  }

  /** Where the CA, server and client PEM files go; a new directory under the server's work directory when empty. */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  @Override
  public String toString() {
    return "ServerTls{names=" + names + (requireClientCertificate ? ", mutual TLS" : "") + "}";
  }

  /** Builds {@link ServerTls}. Not thread-safe. */
  public static final class Builder {
    private List<String> names = DEFAULT_NAMES;
    private boolean requireClientCertificate;
    private Path directory;

    private Builder() {}

    /** The DNS names and IP addresses the server certificate is for (default localhost and 127.0.0.1). */
    public Builder names(String... names) {
      if (names.length == 0) {
        throw new IllegalArgumentException("the server certificate needs at least one name, such as localhost");
      }
      for (String name : names) {
        if (name == null || name.isBlank()) {
          throw new IllegalArgumentException("certificate names must not be blank, got " + List.of(names));
        }
      }
      this.names = List.of(names);
      return this;
    }

    /** Requires clients to present a certificate signed by the server's CA (mutual TLS); the server issues one. */
    public Builder requireClientCertificate(boolean require) {
      this.requireClientCertificate = require;
      return this;
    }

    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    public ServerTls build() {
      return new ServerTls(this);
    }
  }
}
