package io.sparkconnect.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes X.509 certificates and PKCS#8 private keys as PEM files, the form TLS clients take; files it
 * writes are readable by their owner only where the file system allows.
 */
public final class Pem {
  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519");

  private Pem() {}

  /** Writes the certificates, in order, to a PEM file. */
  public static Path writeCertificates(Path file, X509Certificate... certificates) {
    StringBuilder text = new StringBuilder();
    try {
      for (X509Certificate certificate : certificates) {
        text.append(block("CERTIFICATE", certificate.getEncoded()));
      }
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode a certificate", e);
    }
    return write(file, text.toString());
  }

  /** Writes the key unencrypted as PKCS#8 ({@code BEGIN PRIVATE KEY}). */
  public static Path writePrivateKey(Path file, PrivateKey key) {
    return write(file, block("PRIVATE KEY", key.getEncoded()));
  }

  /** The certificates of a PEM file, in order. */
  public static List<X509Certificate> readCertificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(file + " holds no certificate; expected PEM blocks "
            + "'-----BEGIN CERTIFICATE-----'");
      }
      return certificates;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(file + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  /** The unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}) of a PEM file: EC, RSA or Ed25519. */
  public static PrivateKey readPrivateKey(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Matcher block = PKCS8.matcher(text);
    if (!block.find()) {
      throw new IllegalArgumentException(file + " holds no unencrypted PKCS#8 key; expected "
          + "'-----BEGIN PRIVATE KEY-----' (convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem)");
    }
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(1)));
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(file + " holds a private key that is not EC, RSA or Ed25519");
  }

  private static String block(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }

  private static Path write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.US_ASCII);
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
