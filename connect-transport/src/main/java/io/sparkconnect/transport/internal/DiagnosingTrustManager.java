package io.sparkconnect.transport.internal;

import io.sparkconnect.transport.internal.ServerCertificateException.Problem;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks server certificates with another trust manager and, when it refuses one, says which check failed: the
 * issuer, the host name or the dates, as a {@link ServerCertificateException} naming what the certificate holds.
 */
final class DiagnosingTrustManager extends X509ExtendedTrustManager {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;
  private static final Pattern COMMON_NAME = Pattern.compile("(?:^|,)CN=([^,]+)");

  private final X509ExtendedTrustManager delegate;

  DiagnosingTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType, engine);
    } catch (CertificateException e) {
      throw diagnose(chain, authType, engine == null ? null : engine.getPeerHost(), e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      throw diagnose(chain, authType, peerHost(socket), e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      throw diagnose(chain, authType, null, e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  /** Tells the refusals apart: the dates, then the chain alone (issuer), else the host name check. */
  private CertificateException diagnose(X509Certificate[] chain, String authType, String host,
      CertificateException refused) {
    if (chain == null || chain.length == 0) {
      return refused;
    }
    Problem problem;
    if (causedBy(refused, CertificateExpiredException.class) || causedBy(refused,
        CertificateNotYetValidException.class)) {
      problem = Problem.NOT_VALID_NOW;
    } else if (host == null || !chainAloneIsTrusted(chain, authType)) {
      problem = Problem.UNTRUSTED_ISSUER;
    } else {
      problem = Problem.NAME_MISMATCH;
    }
    X509Certificate leaf = chain[0];
    return new ServerCertificateException(problem, names(leaf), host,
        chain[chain.length - 1].getIssuerX500Principal().getName(),
        leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant(), refused);
  }

  private boolean chainAloneIsTrusted(X509Certificate[] chain, String authType) {
    try {
      delegate.checkServerTrusted(chain, authType);
      return true;
    } catch (CertificateException e) {
      return false;
    }
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  /** The DNS names and IP addresses of the certificate, or its common name when it has neither. */
  static List<String> names(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> name : alternatives) {
          Object type = name.get(0);
          if ((Integer.valueOf(DNS_NAME).equals(type) || Integer.valueOf(IP_ADDRESS).equals(type))
              && name.get(1) instanceof String) {
            names.add((String) name.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // fall back to the common name
    }
    if (names.isEmpty()) {
      Matcher commonName = COMMON_NAME.matcher(certificate.getSubjectX500Principal().getName());
      if (commonName.find()) {
        names.add(commonName.group(1));
      }
    }
    return names;
  }

  private static String peerHost(Socket socket) {
    if (socket instanceof SSLSocket) {
      SSLSession session = ((SSLSocket) socket).getHandshakeSession();
      return session == null ? null : session.getPeerHost();
    }
    return null;
  }
}
