package io.sparkconnect.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.internal.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test CA issues certificates the JDK's own PKIX checks accept for exactly the names asked for. */
class TestCertificateAuthorityTest {
  @TempDir Path dir;

  private static X509TrustManager trusting(Path caPem) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", Pem.readCertificates(caPem).get(0));
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  private static List<String> alternativeNames(X509Certificate certificate) throws Exception {
    List<String> names = new ArrayList<>();
    for (List<?> name : certificate.getSubjectAlternativeNames()) {
      names.add(name.get(0) + ":" + name.get(1));
    }
    return names;
  }

  @Test
  void serverCertificatesNameTheirDnsNamesAndIpAddressesAndChainToTheCa() throws Exception {
    TestCertificateAuthority ca = TestCertificateAuthority.create(dir.resolve("ca"));
    IssuedCertificate server = ca.issueServerCertificate("spark.test", "127.0.0.1");
    X509Certificate certificate = Pem.readCertificates(server.certificateFile()).get(0);
    assertEquals(List.of("2:spark.test", "7:127.0.0.1"), alternativeNames(certificate));
    assertEquals(List.of("spark.test", "127.0.0.1"), server.names());
    assertEquals(ca.name(), certificate.getIssuerX500Principal().getName());
    assertEquals(-1, certificate.getBasicConstraints(), "a server certificate is no CA");
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage(), "serverAuth");
    trusting(ca.certificateFile()).checkServerTrusted(new X509Certificate[] {certificate}, "ECDHE_ECDSA");
  }

  @Test
  void anotherCaDoesNotTrustIt() throws Exception {
    IssuedCertificate server = TestCertificateAuthority.create(dir.resolve("a")).issueServerCertificate("localhost");
    TestCertificateAuthority other = TestCertificateAuthority.create(dir.resolve("b"), "other CA");
    X509Certificate certificate = Pem.readCertificates(server.certificateFile()).get(0);
    assertThrows(CertificateException.class, () -> trusting(other.certificateFile())
        .checkServerTrusted(new X509Certificate[] {certificate}, "ECDHE_ECDSA"));
  }

  @Test
  void clientCertificatesAreForClientAuthenticationAndTheirKeyMatches() throws Exception {
    TestCertificateAuthority ca = TestCertificateAuthority.create(dir);
    IssuedCertificate client = ca.issueClientCertificate("alice");
    X509Certificate certificate = Pem.readCertificates(client.certificateFile()).get(0);
    assertEquals("CN=alice", certificate.getSubjectX500Principal().getName());
    assertEquals(List.of("1.3.6.1.5.5.7.3.2"), certificate.getExtendedKeyUsage(), "clientAuth");
    trusting(ca.certificateFile()).checkClientTrusted(new X509Certificate[] {certificate}, "EC");
    PrivateKey key = Pem.readPrivateKey(client.privateKeyFile());
    byte[] message = "proof".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(message);
    assertTrue(verifier.verify(signature), "the key file holds the certificate's private key");
  }

  @Test
  void filesArePemAndTheCaKeyIsNeverWritten() throws Exception {
    TestCertificateAuthority ca = TestCertificateAuthority.create(dir);
    IssuedCertificate server = ca.issueServerCertificate("localhost");
    assertTrue(java.nio.file.Files.readString(ca.certificateFile()).startsWith("-----BEGIN CERTIFICATE-----\n"));
    assertTrue(java.nio.file.Files.readString(server.privateKeyFile()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    try (var files = java.nio.file.Files.list(dir)) {
      assertArrayEquals(new Object[] {"ca.pem", "server-1.key", "server-1.pem"},
          files.map(file -> file.getFileName().toString()).sorted().toArray());
    }
  }

  @Test
  void badNamesAreRefusedWithTheExpectedForm() {
    TestCertificateAuthority ca = TestCertificateAuthority.create(dir);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ca.issueServerCertificate("CN=evil,O=x"));
    assertTrue(error.getMessage().contains("plain name such as localhost"), error.getMessage());
    assertThrows(IllegalArgumentException.class, ca::issueServerCertificate);
  }
}
