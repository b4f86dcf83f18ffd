package io.sparkconnect.testkit;

import io.sparkconnect.testkit.internal.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for tests: a self-signed CA whose certificate is written to {@code ca.pem}
 * (its key never leaves memory), issuing server certificates for chosen DNS names and IP addresses and client
 * certificates for mutual TLS, each as PEM files in the same directory. Certificates are valid from an hour ago
 * for 30 days, with EC P-256 keys. Thread-safe.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = TestCertificateAuthority.create(dir);
 * IssuedCertificate server = ca.issueServerCertificate("localhost", "127.0.0.1");
 * TlsSettings client = TlsSettings.builder().trustCertificates(ca.certificateFile()).build();
 * }</pre>
 */
public final class TestCertificateAuthority {
  /** How long issued certificates are valid. */
  public static final Duration VALIDITY = Duration.ofDays(30);

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final Path directory;
  private final String name;
  private final KeyPair keys;
  private final Path certificateFile;
  private final AtomicLong issued = new AtomicLong();

  private TestCertificateAuthority(Path directory, String commonName) throws GeneralSecurityException {
    this.directory = directory;
    this.name = "CN=" + commonName;
    this.keys = newKeys();
    X509Certificate certificate = sign(name, keys, true, null, null);
    this.certificateFile = Pem.writeCertificates(directory.resolve("ca.pem"), certificate);
  }

  /** A new CA named {@code spark-connect-java test CA}, writing its files into {@code directory}. */
  public static TestCertificateAuthority create(Path directory) {
    return create(directory, "spark-connect-java test CA");
  }

  /** A new CA with this common name, writing its files into {@code directory} (created if missing). */
  public static TestCertificateAuthority create(Path directory, String commonName) {
    Objects.requireNonNull(directory, "directory");
    requireName(commonName, "commonName");
    try {
      Files.createDirectories(directory);
      return new TestCertificateAuthority(directory, commonName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the CA directory " + directory, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a test CA: " + e.getMessage(), e);
    }
  }

  /** The CA's certificate, the file clients trust. */
  public Path certificateFile() {
    return certificateFile;
  }

  /** The CA's distinguished name, such as {@code CN=spark-connect-java test CA}. */
  public String name() {
    return name;
  }

  /** A server certificate for these DNS names and IP addresses, such as {@code localhost} and {@code 127.0.0.1}. */
  public IssuedCertificate issueServerCertificate(String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("a server certificate needs at least one DNS name or IP address");
    }
    GeneralName[] alternatives = new GeneralName[names.length];
    for (int i = 0; i < names.length; i++) {
      requireName(names[i], "name");
      alternatives[i] = isIpAddress(names[i])
          ? new GeneralName(GeneralName.iPAddress, new DEROctetString(ipAddress(names[i])))
          : new GeneralName(GeneralName.dNSName, names[i]);
    }
    return issue("server", names[0], new GeneralNames(alternatives), KeyPurposeId.id_kp_serverAuth,
        List.of(names));
  }

  /** A client certificate for mutual TLS with this common name. */
  public IssuedCertificate issueClientCertificate(String commonName) {
    requireName(commonName, "commonName");
    return issue("client", commonName, null, KeyPurposeId.id_kp_clientAuth, List.of(commonName));
  }

  @Override
  public String toString() {
    return "TestCertificateAuthority{" + name + ", " + certificateFile + "}";
  }

  private IssuedCertificate issue(String role, String commonName, GeneralNames alternatives, KeyPurposeId purpose,
      List<String> names) {
    try {
      KeyPair subject = newKeys();
      X509Certificate certificate = sign("CN=" + commonName, subject, false, alternatives, purpose);
      String base = role + "-" + issued.incrementAndGet();
      return new IssuedCertificate(Pem.writeCertificates(directory.resolve(base + ".pem"), certificate),
          Pem.writePrivateKey(directory.resolve(base + ".key"), subject.getPrivate()), names);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue a " + role + " certificate: " + e.getMessage(), e);
    }
  }

  private X509Certificate sign(String subject, KeyPair subjectKeys, boolean authority, GeneralNames alternatives,
      KeyPurposeId purpose) throws GeneralSecurityException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(name),
        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(VALIDITY)), new X500Name(subject), subjectKeys.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
          ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
      if (purpose != null) {
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (alternatives != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, alternatives);
      }
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    } catch (CertIOException | OperatorCreationException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  private static KeyPair newKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static boolean isIpAddress(String name) {
    return IPV4.matcher(name).matches() || name.contains(":");
  }

  /** The bytes of an IP literal; {@link InetAddress#getByName} resolves nothing for a literal. */
  private static byte[] ipAddress(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + literal + "' is not an IP address", e);
    }
  }

  private static void requireName(String name, String what) {
    if (name == null || name.isBlank() || name.contains(",") || name.contains("=")) {
      throw new IllegalArgumentException(what + " must be a plain name such as localhost, got '" + name + "'");
    }
  }
}
