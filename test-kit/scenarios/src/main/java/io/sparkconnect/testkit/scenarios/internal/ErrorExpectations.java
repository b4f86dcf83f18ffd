package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.ScenarioContext;

/**
 * Checks a server error's class and SQL state. Spark 4 servers report both for every error; Spark 3.5 servers leave
 * some out, and then the message must say what went wrong instead.
 */
final class ErrorExpectations {
  private ErrorExpectations() {}

  /**
   * @param errorClass the expected error class, or its prefix such as {@code UNRESOLVED_COLUMN}
   * @param sqlState the expected SQL state, checked on 4.x servers
   * @param messageFragment text a 3.5 server's message contains (3.5 names error classes only in messages)
   */
  static void check(ScenarioContext context, SparkConnectException error, String errorClass, String sqlState,
      String messageFragment) {
    String actual = error.errorClass();
    if (!context.serverAtLeast(4)) {
      String message = String.valueOf(error.getMessage());
      Check.that(message.contains(errorClass) || message.contains(messageFragment), () -> "the error should say "
          + errorClass + " or '" + messageFragment + "': " + message);
      return;
    }
    Check.that(actual != null, () -> "a Spark " + context.serverVersion() + " server should report the error "
        + "class " + errorClass + ", got none: " + error.getMessage());
    Check.that(actual.equals(errorClass) || actual.startsWith(errorClass + "."),
        () -> "error class: expected " + errorClass + " but was " + actual + " (" + error.getMessage() + ")");
    if (sqlState != null) {
      Check.equal("SQL state of " + actual, sqlState, error.sqlState());
    }
  }
}
