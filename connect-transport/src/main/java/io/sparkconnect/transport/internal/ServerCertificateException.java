package io.sparkconnect.transport.internal;

import java.security.cert.CertificateException;
import java.util.List;

/** The server's certificate was refused, with what the refusal was about: its issuer, its names or its dates. */
public final class ServerCertificateException extends CertificateException {
  private static final long serialVersionUID = 1L;

  /** Why the certificate was refused. */
  public enum Problem {
    /** No trusted certificate authority signed it. */
    UNTRUSTED_ISSUER,
    /** It does not name the host the client checked. */
    NAME_MISMATCH,
    /** It has expired or is not valid yet. */
    NOT_VALID_NOW
  }

  private final Problem problem;
  private final List<String> names;
  private final String host;
  private final String issuer;
  private final String validity;

  ServerCertificateException(Problem problem, List<String> names, String host, String issuer, String validity,
      CertificateException cause) {
    super(cause.getMessage(), cause);
    this.problem = problem;
    this.names = List.copyOf(names);
    this.host = host;
    this.issuer = issuer;
    this.validity = validity;
  }

  public Problem problem() {
    return problem;
  }

  /** The DNS names and IP addresses the certificate is for (its common name when it has no alternative names). */
  public List<String> names() {
    return names;
  }

  /** The host name the client verified the certificate against, or null when unknown. */
  public String host() {
    return host;
  }

  /** The distinguished name of the issuer at the top of the chain the server sent. */
  public String issuer() {
    return issuer;
  }

  /** The certificate's validity period, such as {@code 2025-01-01T00:00:00Z to 2026-01-01T00:00:00Z}. */
  public String validity() {
    return validity;
  }
}
