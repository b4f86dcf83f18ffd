package io.sparkconnect.sql;

/**
 * A feature the connected server's Spark version does not have: names the feature, the version it needs, the
 * server's version and, where one exists, what to use instead.
 */
public final class UnsupportedServerVersionException extends SparkConnectException {
  private static final long serialVersionUID = 1L;

  private final String feature;
  private final String requiredVersion;
  private final String serverVersion;

  public UnsupportedServerVersionException(String feature, String requiredVersion, String serverVersion,
      String instead) {
    super(feature + " needs a Spark " + requiredVersion + " or newer server; this one is " + serverVersion
        + (instead == null || instead.isEmpty() ? "" : ". " + instead));
    this.feature = feature;
    this.requiredVersion = requiredVersion;
    this.serverVersion = serverVersion;
  }

  /** What was asked for, such as {@code cloneSession()}. */
  public String feature() {
    return feature;
  }

  /** The oldest Spark version that has it, such as {@code 4.0}. */
  public String requiredVersion() {
    return requiredVersion;
  }

  /** The connected server's version. */
  public String serverVersion() {
    return serverVersion;
  }
}
