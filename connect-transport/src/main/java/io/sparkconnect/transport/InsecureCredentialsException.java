package io.sparkconnect.transport;

/**
 * Credentials were configured for a plaintext connection to a host that is not loopback: they would cross the
 * network readable by anyone on the path, so the settings are refused.
 */
public class InsecureCredentialsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String host;

  public InsecureCredentialsException(String host) {
    super("credentials (a token) would travel in plaintext to " + host + "; turn TLS on (use_ssl=true in the "
        + "connection string, or leave use_ssl out), or connect through a loopback address if the server is local");
    this.host = host;
  }

  /** The host the credentials would have been sent to. */
  public String host() {
    return host;
  }
}
