package io.sparkconnect.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a channel secures its connection: whether TLS is on, which certificate authorities it trusts, the client
 * certificate for mutual TLS, and an optional authority override for servers reached by an address that differs
 * from their certificate's name. Immutable; build with {@link #builder()}.
 */
public final class TlsSettings {
  private static final TlsSettings PLAINTEXT = builder().build();

  private final boolean enabled;
  private final Path trustCertificates;
  private final Path clientCertificateChain;
  private final Path clientPrivateKey;
  private final String authorityOverride;

  private TlsSettings(Builder builder) {
    this.enabled = builder.enabled;
    this.trustCertificates = builder.trustCertificates;
    this.clientCertificateChain = builder.clientCertificateChain;
    this.clientPrivateKey = builder.clientPrivateKey;
    this.authorityOverride = builder.authorityOverride;
  }

  /** Settings for a plaintext connection. */
  public static TlsSettings plaintext() {
    return PLAINTEXT;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.enabled = enabled;
    builder.trustCertificates = trustCertificates;
    builder.clientCertificateChain = clientCertificateChain;
    builder.clientPrivateKey = clientPrivateKey;
    builder.authorityOverride = authorityOverride;
    return builder;
  }

  public boolean enabled() {
    return enabled;
  }

  /** PEM file of the certificate authorities to trust; the JDK's trust store when empty. */
  public Optional<Path> trustCertificates() {
    return Optional.ofNullable(trustCertificates);
  }

  /** PEM file of the client certificate chain for mutual TLS. */
  public Optional<Path> clientCertificateChain() {
    return Optional.ofNullable(clientCertificateChain);
  }

  /** PEM file of the client's PKCS#8 private key for mutual TLS. */
  public Optional<Path> clientPrivateKey() {
    return Optional.ofNullable(clientPrivateKey);
  }

  /** The name to verify the server certificate against instead of the host. */
  public Optional<String> authorityOverride() {
    return Optional.ofNullable(authorityOverride);
  }

  @Override
  public String toString() {
    return enabled
        ? "TLS(trust=" + (trustCertificates == null ? "system" : trustCertificates)
            + (clientCertificateChain == null ? "" : ", clientCertificate=" + clientCertificateChain)
            + (authorityOverride == null ? "" : ", authority=" + authorityOverride) + ")"
        : "plaintext";
  }

  /** Builds {@link TlsSettings}; setting any certificate turns TLS on. Not thread-safe. */
  public static final class Builder {
    private boolean enabled;
    private Path trustCertificates;
    private Path clientCertificateChain;
    private Path clientPrivateKey;
    private String authorityOverride;

    private Builder() {}

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Trust the certificate authorities in this PEM file instead of the JDK's trust store. */
    public Builder trustCertificates(Path pemFile) {
      this.trustCertificates = readable(pemFile, "trustCertificates");
      this.enabled = true;
      return this;
    }

    /** Present this client certificate chain and PKCS#8 private key (both PEM files) for mutual TLS. */
    public Builder clientCertificate(Path certificateChainPem, Path privateKeyPem) {
      this.clientCertificateChain = readable(certificateChainPem, "clientCertificateChain");
      this.clientPrivateKey = readable(privateKeyPem, "clientPrivateKey");
      this.enabled = true;
      return this;
    }

    public Builder authorityOverride(String authority) {
      this.authorityOverride = Objects.requireNonNull(authority, "authority");
      return this;
    }

    public TlsSettings build() {
      return new TlsSettings(this);
    }

    private static Path readable(Path file, String name) {
      Objects.requireNonNull(file, name);
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException(name + " file " + file + " does not exist or cannot be read");
      }
      return file;
    }
  }
}
