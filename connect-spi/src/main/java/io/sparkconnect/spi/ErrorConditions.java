package io.sparkconnect.spi;

/** Spark's error conditions that the client's control flow depends on, in one place. */
public final class ErrorConditions {
  /** A reattachable stream was cut; resuming it is safe. */
  public static final String CURSOR_DISCONNECTED = "INVALID_CURSOR.DISCONNECTED";
  /** The server does not know the operation: it never started, or it was lost. */
  public static final String OPERATION_NOT_FOUND = "INVALID_HANDLE.OPERATION_NOT_FOUND";
  /** An execution with this operation id already exists: it started, so it is reattached instead. */
  public static final String OPERATION_ALREADY_EXISTS = "INVALID_HANDLE.OPERATION_ALREADY_EXISTS";
  /** Prefix of the conditions saying the server session is gone, changed or closed. */
  public static final String SESSION_PREFIX = "INVALID_HANDLE.SESSION";
  /** Prefix of the conditions about a cursor of a reattachable stream. */
  public static final String CURSOR_PREFIX = "INVALID_CURSOR";
  /** Prefix of the conditions about an operation or session handle. */
  public static final String HANDLE_PREFIX = "INVALID_HANDLE";
  /** The exception class of a statement that cannot be parsed. */
  public static final String PARSE_EXCEPTION = "org.apache.spark.sql.catalyst.parser.ParseException";
  /** The exception class of a statement that cannot be analyzed. */
  public static final String ANALYSIS_EXCEPTION = "org.apache.spark.sql.AnalysisException";

  private ErrorConditions() {}
}
