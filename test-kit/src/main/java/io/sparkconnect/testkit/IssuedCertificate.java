package io.sparkconnect.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * A certificate issued by a {@link TestCertificateAuthority}: its PEM file, the PEM file of its unencrypted PKCS#8
 * private key, and the names it is for. Immutable.
 */
public final class IssuedCertificate {
  private final Path certificateFile;
  private final Path privateKeyFile;
  private final List<String> names;

  IssuedCertificate(Path certificateFile, Path privateKeyFile, List<String> names) {
    this.certificateFile = certificateFile;
    this.privateKeyFile = privateKeyFile;
    this.names = List.copyOf(names);
  }

  public Path certificateFile() {
    return certificateFile;
  }

  public Path privateKeyFile() {
    return privateKeyFile;
  }

  /** The DNS names and IP addresses of a server certificate, or the common name of a client certificate. */
  public List<String> names() {
    return names;
  }

  @Override
  public String toString() {
    return "IssuedCertificate{" + names + ", " + certificateFile + "}";
  }
}
