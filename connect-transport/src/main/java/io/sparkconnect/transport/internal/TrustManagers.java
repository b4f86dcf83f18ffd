package io.sparkconnect.transport.internal;

import io.sparkconnect.transport.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The trust manager of a client: the CAs of its PEM file or the JDK's trust store, explaining each refusal. */
final class TrustManagers {
  private TrustManagers() {}

  static X509ExtendedTrustManager forClient(TlsSettings tls) throws GeneralSecurityException, IOException {
    KeyStore authorities = tls.trustCertificates().isPresent() ? fromPem(tls.trustCertificates().get()) : null;
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(authorities);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager) {
        return new DiagnosingTrustManager((X509ExtendedTrustManager) manager);
      }
    }
    throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
  }

  private static KeyStore fromPem(Path pem) throws GeneralSecurityException, IOException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(pem)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(pem + " holds no certificate");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int index = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("authority-" + index++, certificate);
    }
    return store;
  }
}
