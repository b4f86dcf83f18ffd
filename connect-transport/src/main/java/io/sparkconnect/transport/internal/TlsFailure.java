package io.sparkconnect.transport.internal;

import io.grpc.StatusRuntimeException;
import io.netty.handler.ssl.NotSslRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * A TLS failure that retrying cannot fix, recognised in a failed call's cause chain, and what to change: the
 * server's certificate (issuer, names, dates), the client certificate, a plaintext server, or no HTTP/2 in ALPN.
 * Alerts from the server and gRPC's ALPN failure carry no type of their own and are recognised by their text.
 */
public final class TlsFailure {
  /** What went wrong. */
  public enum Kind {
    UNTRUSTED_CERTIFICATE,
    CERTIFICATE_NAME_MISMATCH,
    CERTIFICATE_NOT_VALID_NOW,
    CLIENT_CERTIFICATE_REFUSED,
    PLAINTEXT_SERVER,
    NO_HTTP2
  }

  private static final String GRPC_ALPN_FAILURE = "Failed ALPN negotiation";
  private static final List<String> CLIENT_CERTIFICATE_ALERTS =
      List.of("certificate_required", "bad_certificate", "unknown_ca", "certificate_unknown");

  private final Kind kind;
  private final String explanation;

  private TlsFailure(Kind kind, String explanation) {
    this.kind = kind;
    this.explanation = explanation;
  }

  /** The TLS failure behind this error, or empty when it is not one retrying cannot fix. */
  public static Optional<TlsFailure> of(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = error; cause != null && !chain.contains(cause) && chain.size() < 32;
        cause = cause.getCause()) {
      chain.add(cause);
    }
    for (Throwable cause : chain) {
      if (cause instanceof ServerCertificateException) {
        return Optional.of(ofCertificate((ServerCertificateException) cause));
      }
    }
    for (Throwable cause : chain) {
      if (cause instanceof NotSslRecordException) {
        return Optional.of(new TlsFailure(Kind.PLAINTEXT_SERVER, "the server answered in plaintext, not TLS. "
            + "Connect without TLS (use_ssl=false in the connection string, which a token allows only to a "
            + "loopback host), or to the port where the server accepts TLS."));
      }
      if (isNoHttp2(cause)) {
        return Optional.of(new TlsFailure(Kind.NO_HTTP2, "the server, or a proxy in front of it, did not agree "
            + "on HTTP/2 (ALPN \"h2\") in the TLS handshake, and gRPC needs HTTP/2. Enable HTTP/2 (gRPC) on the "
            + "proxy or load balancer that terminates TLS."));
      }
      if (isAlert(cause, CLIENT_CERTIFICATE_ALERTS)) {
        return Optional.of(new TlsFailure(Kind.CLIENT_CERTIFICATE_REFUSED, "the server refused the client's "
            + "certificate or requires one (mutual TLS). Present a certificate signed by a CA the server trusts "
            + "with TlsSettings.builder().clientCertificate(certificateChainPem, pkcs8PrivateKeyPem)."));
      }
    }
    return Optional.empty();
  }

  public Kind kind() {
    return kind;
  }

  /** The cause and the fix, in words a person can act on, without library internals. */
  public String explanation() {
    return explanation;
  }

  @Override
  public String toString() {
    return kind + ": " + explanation;
  }

  private static TlsFailure ofCertificate(ServerCertificateException refused) {
    String names = refused.names().isEmpty() ? "no name" : String.join(", ", refused.names());
    switch (refused.problem()) {
      case NAME_MISMATCH:
        return new TlsFailure(Kind.CERTIFICATE_NAME_MISMATCH, "the server's certificate is for " + names
            + ", not for " + refused.host() + ", the name the client checked. Connect to one of the "
            + "certificate's names, or have that name checked instead with TlsSettings.builder()"
            + ".authorityOverride(\"" + (refused.names().isEmpty() ? "name" : refused.names().get(0)) + "\").");
      case NOT_VALID_NOW:
        return new TlsFailure(Kind.CERTIFICATE_NOT_VALID_NOW, "the server's certificate for " + names
            + " is not valid now (valid " + refused.validity() + "). Renew it, or check the clocks of client and "
            + "server.");
      default:
        return new TlsFailure(Kind.UNTRUSTED_CERTIFICATE, "the server's certificate for " + names
            + " was issued by " + refused.issuer() + ", which this client does not trust. Trust that CA with "
            + "TlsSettings.builder().trustCertificates(caPemFile), or add it to the JDK's trust store.");
    }
  }

  private static boolean isNoHttp2(Throwable cause) {
    if (cause instanceof StatusRuntimeException) {
      String description = ((StatusRuntimeException) cause).getStatus().getDescription();
      return description != null && description.startsWith(GRPC_ALPN_FAILURE);
    }
    return isAlert(cause, List.of("no_application_protocol"));
  }

  /** An alert the server sent, as the JDK ("Received fatal alert: x") and BoringSSL ("..._ALERT_X") word it. */
  private static boolean isAlert(Throwable cause, List<String> alerts) {
    if (!(cause instanceof SSLException) || cause.getMessage() == null) {
      return false;
    }
    String message = cause.getMessage().toLowerCase(Locale.ROOT);
    return message.contains("alert") && alerts.stream().anyMatch(message::contains);
  }
}
