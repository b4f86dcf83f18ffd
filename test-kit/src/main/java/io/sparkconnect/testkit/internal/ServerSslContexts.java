package io.sparkconnect.testkit.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The JDK TLS context of a server: its certificate chain and key, and the CA its clients' certificates need. */
public final class ServerSslContexts {
  private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

  private ServerSslContexts() {}

  /**
   * A server context from PEM files.
   *
   * @param clientAuthority the CA that must have signed client certificates, or null when clients need none
   */
  public static SSLContext create(Path certificateChain, Path privateKey, Path clientAuthority) {
    try {
      List<X509Certificate> chain = Pem.readCertificates(certificateChain);
      KeyStore identity = KeyStore.getInstance("PKCS12");
      identity.load(null, null);
      identity.setKeyEntry("server", Pem.readPrivateKey(privateKey), IN_MEMORY_PASSWORD,
          chain.toArray(new X509Certificate[0]));
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(identity, IN_MEMORY_PASSWORD);
      TrustManagerFactory trust = null;
      if (clientAuthority != null) {
        KeyStore authorities = KeyStore.getInstance("PKCS12");
        authorities.load(null, null);
        int index = 0;
        for (X509Certificate authority : Pem.readCertificates(clientAuthority)) {
          authorities.setCertificateEntry("client-authority-" + index++, authority);
        }
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(authorities);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("cannot set up TLS from " + certificateChain + " and " + privateKey
          + ": " + e.getMessage() + "; the certificate chain must match the key", e);
    }
  }
}
