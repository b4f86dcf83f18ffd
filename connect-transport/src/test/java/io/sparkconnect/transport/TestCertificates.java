package io.sparkconnect.transport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway certificate authority with server and client certificates, written as PEM files for one test. */
final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  final Path caCertificate;
  final Path serverCertificate;
  final Path serverKey;
  final Path clientCertificate;
  final Path clientKey;
  final Path otherCaCertificate;
  /** A server certificate signed by the test CA that names only {@value #OTHER_NAME}. */
  final Path otherNameCertificate;
  final Path otherNameKey;

  static final String OTHER_NAME = "spark.test";

  private TestCertificates(Path dir) throws Exception {
    KeyPair caKeys = keys();
    X509Certificate ca = sign("CN=test-ca", caKeys, "CN=test-ca", caKeys.getPrivate(), true, null);
    KeyPair serverKeys = keys();
    X509Certificate server = sign("CN=localhost", serverKeys, "CN=test-ca", caKeys.getPrivate(), false,
        new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    KeyPair clientKeys = keys();
    X509Certificate client = sign("CN=test-client", clientKeys, "CN=test-ca", caKeys.getPrivate(), false, null);
    KeyPair otherKeys = keys();
    X509Certificate other = sign("CN=other-ca", otherKeys, "CN=other-ca", otherKeys.getPrivate(), true, null);
    caCertificate = write(dir.resolve("ca.pem"), ca);
    serverCertificate = write(dir.resolve("server.pem"), server);
    serverKey = write(dir.resolve("server.key"), new JcaPKCS8Generator(serverKeys.getPrivate(), null));
    clientCertificate = write(dir.resolve("client.pem"), client);
    clientKey = write(dir.resolve("client.key"), new JcaPKCS8Generator(clientKeys.getPrivate(), null));
    otherCaCertificate = write(dir.resolve("other-ca.pem"), other);
    KeyPair otherNameKeys = keys();
    X509Certificate otherName = sign("CN=" + OTHER_NAME, otherNameKeys, "CN=test-ca", caKeys.getPrivate(), false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, OTHER_NAME)));
    otherNameCertificate = write(dir.resolve("other-name.pem"), otherName);
    otherNameKey = write(dir.resolve("other-name.key"), new JcaPKCS8Generator(otherNameKeys.getPrivate(), null));
  }

  static TestCertificates create(Path dir) {
    try {
      return new TestCertificates(dir);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create test certificates", e);
    }
  }

  private static KeyPair keys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey,
      boolean authority, GeneralNames names) throws Exception {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(1, ChronoUnit.HOURS)),
        Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name(subject), subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
    if (names != null) {
      builder.addExtension(Extension.subjectAlternativeName, false, names);
    }
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  private static Path write(Path file, Object pemObject) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(pemObject);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Files.writeString(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
