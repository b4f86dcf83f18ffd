package io.sparkconnect.examples;

import io.sparkconnect.spi.CredentialsProvider;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.transport.TlsSettings;
import java.nio.file.Path;

/**
 * Connects over TLS to a server whose certificate a private CA signed, with a bearer token read from a file (as
 * Kubernetes mounts a Secret); the file is read again when it changes, so a rotated token is picked up.
 */
public final class SecureConnection {
  private SecureConnection() {}

  /** {@code args}: the server's address ({@code sc://host:port}), the CA's PEM file, the token's file. */
  public static void main(String[] args) {
    try (SparkSession spark = SparkSession.builder()
        .remote(args[0])
        .tls(TlsSettings.builder().trustCertificates(Path.of(args[1])).build())
        .credentials(CredentialsProvider.tokenFile(Path.of(args[2])))
        .build()) {
      System.out.println("Connected over TLS to Spark " + spark.version() + ", "
          + spark.range(1000).count() + " rows counted");
    }
  }
}
