package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.SparkSession;

/** Opens sessions for scenarios: a test tool fails fast on an unreachable server unless told otherwise. */
public final class Sessions {
  private static final String USER_AGENT = "spark-connect-java-scenarios";

  private Sessions() {}

  /** A session on a new connection; the fail-fast retry policy unless the connection string names a policy. */
  public static SparkSession connect(String connectionString) {
    return SparkSession.builder().retryPolicy("fail-fast").remote(connectionString).userAgent(USER_AGENT).build();
  }

  /**
   * A new session on {@code base}'s connection whose session time zone is UTC, so that dates and timestamps mean the
   * same on the server and in the oracles computed on the client.
   */
  public static SparkSession utcSession(SparkSession base) {
    SparkSession session = base.newSession();
    try {
      session.conf().set("spark.sql.session.timeZone", "UTC");
      return session;
    } catch (RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
  }

  /**
   * Closes a session when a run's outcome is already decided: a server that cannot release it (gone, or rejecting
   * the credentials) expires it itself, and the failure has been reported by whatever used the session.
   */
  public static void closeQuietly(SparkSession session) {
    try {
      session.close();
    } catch (RuntimeException e) {
      System.getLogger(Sessions.class.getName()).log(System.Logger.Level.DEBUG, "Closing a session failed", e);
    }
  }
}
