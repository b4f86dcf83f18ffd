package io.sparkconnect.sql.internal;

import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Log lines about one operation, with its id in the SLF4J MDC under {@value #OPERATION_ID}, so a log layout can
 * show it on every line and the lines of one operation can be found together.
 */
final class OperationLog {
  static final String OPERATION_ID = "spark_connect.operation_id";

  private OperationLog() {}

  static void debug(Logger log, String operationId, String message, Object... arguments) {
    if (log.isDebugEnabled()) {
      try (MDC.MDCCloseable ignored = MDC.putCloseable(OPERATION_ID, operationId)) {
        log.debug(message, arguments);
      }
    }
  }

  static void warn(Logger log, String operationId, String message, Throwable error) {
    try (MDC.MDCCloseable ignored = MDC.putCloseable(OPERATION_ID, operationId)) {
      log.warn(message + " (operation " + operationId + ")", error);
    }
  }
}
