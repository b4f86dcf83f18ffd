package io.sparkconnect.transport.internal;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.sparkconnect.transport.TlsSettings;
import io.sparkconnect.transport.TransportException;
import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * Builds Netty client TLS contexts, with OpenSSL (BoringSSL) when its native library loads and the JDK otherwise;
 * server certificates are checked by {@link TrustManagers}, which says why one is refused.
 */
final class SslContexts {
  private SslContexts() {}

  static Client forClient(TlsSettings tls) {
    SslProvider provider = isOpenSslAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    try {
      SslContextBuilder builder = GrpcSslContexts.configure(SslContextBuilder.forClient(), provider)
          .trustManager(TrustManagers.forClient(tls));
      if (tls.clientCertificateChain().isPresent()) {
        File chain = tls.clientCertificateChain().get().toFile();
        File key = tls.clientPrivateKey().orElseThrow().toFile();
        builder.keyManager(chain, key);
      }
      return new Client(builder.build(), provider.name());
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new TransportException("Cannot set up TLS from " + tls + ": " + e.getMessage()
          + ". Certificates must be PEM files and the private key PEM-encoded PKCS#8.", e);
    }
  }

  private static boolean isOpenSslAvailable() {
    try {
      return OpenSsl.isAvailable();
    } catch (LinkageError e) {
      return false;
    }
  }

  /** A TLS context and the name of the provider behind it. */
  static final class Client {
    private final SslContext context;
    private final String provider;

    Client(SslContext context, String provider) {
      this.context = context;
      this.provider = provider;
    }

    SslContext context() {
      return context;
    }

    String provider() {
      return provider;
    }
  }
}
