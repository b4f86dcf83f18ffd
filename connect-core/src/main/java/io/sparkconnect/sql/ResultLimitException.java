package io.sparkconnect.sql;

/**
 * A result passed one of the session's result limits ({@link SparkConnectSettings#maxResultRows()}, {@link
 * SparkConnectSettings#maxResultBytes()}, or the default byte limit of {@link DataFrame#collect()}). The operation
 * was stopped and released on the server; the session stays usable.
 */
public final class ResultLimitException extends SparkConnectException {
  private static final long serialVersionUID = 1L;

  private final String limitName;
  private final long limit;

  public ResultLimitException(String message, String limitName, long limit) {
    super(message);
    this.limitName = limitName;
    this.limit = limit;
  }

  /** The limit that was passed: {@code maxResultRows} or {@code maxResultBytes}. */
  public String limitName() {
    return limitName;
  }

  /** The limit's value. */
  public long limit() {
    return limit;
  }
}
