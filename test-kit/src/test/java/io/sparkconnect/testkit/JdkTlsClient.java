package io.sparkconnect.testkit;

import io.sparkconnect.testkit.internal.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A JDK TLS client for tests: trusts one CA, checks the host name, offers ALPN h2 and may present a certificate. */
final class JdkTlsClient {
  private static final char[] PASSWORD = {'x'};

  private JdkTlsClient() {}

  /** Connects to localhost at the port; {@code clientCertificate} may be null. */
  static SSLSocket connect(int port, Path caPem, IssuedCertificate clientCertificate)
      throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", Pem.readCertificates(caPem).get(0));
    TrustManagerFactory trustFactory = TrustManagerFactory.getInstance("PKIX");
    trustFactory.init(trust);
    KeyManagerFactory keyFactory = null;
    if (clientCertificate != null) {
      KeyStore identity = KeyStore.getInstance("PKCS12");
      identity.load(null, null);
      identity.setKeyEntry("client", Pem.readPrivateKey(clientCertificate.privateKeyFile()), PASSWORD,
          Pem.readCertificates(clientCertificate.certificateFile()).toArray(new Certificate[0]));
      keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyFactory.init(identity, PASSWORD);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyFactory == null ? null : keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setApplicationProtocols(new String[] {"h2"});
    socket.setSSLParameters(parameters);
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Sends the text and reads as many bytes back. */
  static String roundTrip(SSLSocket socket, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return new String(socket.getInputStream().readNBytes(bytes.length), StandardCharsets.UTF_8);
  }
}
