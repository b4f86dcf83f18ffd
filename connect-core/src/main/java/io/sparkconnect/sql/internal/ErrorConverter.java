package io.sparkconnect.sql.internal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sparkconnect.proto.FetchErrorDetailsResponse;
import io.sparkconnect.spi.ErrorConditions;
import io.sparkconnect.sql.AnalysisException;
import io.sparkconnect.sql.ConnectionException;
import io.sparkconnect.sql.ParseException;
import io.sparkconnect.sql.QueryContext;
import io.sparkconnect.sql.SessionException;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.SparkRuntimeException;
import io.sparkconnect.transport.internal.TlsFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Function;

/**
 * Turns gRPC failures into the client's exception hierarchy. Server errors are classified by the exception
 * classes and error class the server reports as data, never by message text; on 4.x servers the full error chain
 * is fetched with {@code FetchErrorDetails}.
 */
final class ErrorConverter {
  /**
   * Spark's error class at the start of a message, as 3.5 servers send it without the errorClass metadata:
   * {@code [TABLE_OR_VIEW_NOT_FOUND] The table ...}.
   */
  private static final Pattern MESSAGE_ERROR_CLASS = Pattern.compile("\\s*\\[([A-Z][A-Z0-9_]*(?:\\.[A-Z][A-Z0-9_]*)*)\\]");
  /** Spark's SQL state at the end of a message's first line: {@code ... SQLSTATE: 42P01}. */
  private static final Pattern MESSAGE_SQL_STATE = Pattern.compile("SQLSTATE: ([0-9A-Z]{5})\\b");

  private ErrorConverter() {}

  /**
   * Converts a failed call.
   *
   * @param target the server address, for connection messages
   * @param fetchDetails fetches the error chain for an {@code errorId}, or returns null when it cannot
   */
  static SparkConnectException convert(StatusRuntimeException error, String target,
      Function<String, FetchErrorDetailsResponse> fetchDetails) {
    ErrorInfo info = ErrorInfo.of(error);
    Status status = error.getStatus();
    if (info == null || info.reason == null) {
      return transportError(error, status, target);
    }
    String errorId = info.metadata.get("errorId");
    if (errorId != null && !errorId.isBlank() && fetchDetails != null) {
      FetchErrorDetailsResponse details = fetchDetails.apply(errorId);
      if (details != null && details.hasRootErrorIdx() && details.getErrorsCount() > 0) {
        SparkConnectException rich = fromDetails(details, details.getRootErrorIdx(), error, new java.util.BitSet());
        if (rich != null) {
          return rich;
        }
      }
    }
    List<String> classes = ErrorMetadataJson.stringArray(info.metadata.get("classes"));
    if (classes.isEmpty()) {
      classes = List.of(info.reason);
    }
    Map<String, String> parameters = ErrorMetadataJson.stringObject(info.metadata.get("messageParameters"));
    return serverError(classes, description(status), info.metadata.get("errorClass"),
        info.metadata.get("sqlState"), parameters, List.of(), error);
  }

  /**
   * The error at {@code index} with its chain of causes; a cause index that points back into the chain (a cycle
   * a buggy server could send) or out of range ends the chain there.
   */
  private static SparkConnectException fromDetails(FetchErrorDetailsResponse details, int index,
      Throwable grpcError, java.util.BitSet inChain) {
    if (index < 0 || index >= details.getErrorsCount() || inChain.get(index)) {
      return null;
    }
    inChain.set(index);
    FetchErrorDetailsResponse.Error error = details.getErrors(index);
    Throwable cause = null;
    if (error.hasCauseIdx()) {
      cause = fromDetails(details, error.getCauseIdx(), grpcError, inChain);
    }
    if (cause == null) {
      cause = grpcError;
    }
    String errorClass = null;
    String sqlState = null;
    Map<String, String> parameters = Map.of();
    List<QueryContext> contexts = new ArrayList<>();
    if (error.hasSparkThrowable()) {
      FetchErrorDetailsResponse.SparkThrowable throwable = error.getSparkThrowable();
      errorClass = throwable.hasErrorClass() ? throwable.getErrorClass() : null;
      sqlState = throwable.hasSqlState() ? throwable.getSqlState() : null;
      parameters = throwable.getMessageParametersMap();
      for (FetchErrorDetailsResponse.QueryContext context : throwable.getQueryContextsList()) {
        contexts.add(new QueryContext(context.getFragment(), context.getStartIndex(), context.getStopIndex(),
            context.getObjectType(), context.getObjectName(), context.getSummary()));
      }
    }
    List<String> classes = error.getErrorTypeHierarchyList();
    return serverError(classes.isEmpty() ? List.of("unknown") : classes, error.getMessage(), errorClass, sqlState,
        parameters, contexts, cause);
  }

  private static SparkConnectException serverError(List<String> classes, String message, String errorClass,
      String sqlState, Map<String, String> parameters, List<QueryContext> contexts, Throwable cause) {
    if (errorClass == null) {
      Matcher named = MESSAGE_ERROR_CLASS.matcher(message);
      errorClass = named.lookingAt() ? named.group(1) : null;
    }
    if (sqlState == null) {
      Matcher state = MESSAGE_SQL_STATE.matcher(message);
      sqlState = state.find() ? state.group(1) : null;
    }
    if (errorClass != null && errorClass.startsWith(ErrorConditions.SESSION_PREFIX)) {
      return new SessionException(message + " Create a new session to continue.", cause);
    }
    if (classes.contains(ErrorConditions.PARSE_EXCEPTION)) {
      return new ParseException(message, cause, errorClass, sqlState, parameters, contexts);
    }
    if (classes.contains(ErrorConditions.ANALYSIS_EXCEPTION)) {
      return new AnalysisException(message, cause, errorClass, sqlState, parameters, contexts);
    }
    if (errorClass == null && message.contains("[" + ErrorConditions.SESSION_PREFIX)) {
      return new SessionException(message + " Create a new session to continue.", cause);
    }
    return new SparkRuntimeException(message, cause, errorClass, sqlState, parameters, contexts);
  }

  private static SparkConnectException transportError(StatusRuntimeException error, Status status,
      String target) {
    String description = description(status);
    Optional<TlsFailure> tls = TlsFailure.of(error);
    if (tls.isPresent()) {
      return new ConnectionException("Cannot open a TLS connection to the Spark Connect server at " + target + ": "
          + tls.get().explanation(), error, false);
    }
    if (status.getCode() != Status.Code.UNAVAILABLE && Failures.isConnectionLoss(error)) {
      return new ConnectionException("The connection to the Spark Connect server at " + target + " broke: "
          + description + ". Check the network and any proxy between client and server.", error, true);
    }
    switch (status.getCode()) {
      case UNAVAILABLE:
        return new ConnectionException("Cannot reach the Spark Connect server at " + target + ": " + description
            + ". Check that the server is running and that host, port and use_ssl are right.", error, true);
      case UNAUTHENTICATED:
        return new ConnectionException("The Spark Connect server at " + target + " rejected the credentials: "
            + description + ". Pass the server's token with token=... in the connection string.", error, false);
      case PERMISSION_DENIED:
        return new ConnectionException("The Spark Connect server at " + target + " denied the request: "
            + description, error, false);
      case DEADLINE_EXCEEDED:
        return new ConnectionException("The Spark Connect server at " + target + " did not answer in time: "
            + description, error, false);
      case CANCELLED:
        return new SparkConnectException("The request was cancelled: " + description, error);
      case RESOURCE_EXHAUSTED:
        return new SparkConnectException("A message exceeded a size limit: " + description
            + ". Either a request was larger than the server accepts (its spark.connect.grpc.maxInboundMessageSize: "
            + "send a smaller plan, or raise that setting on the server) or a response was larger than this client "
            + "accepts (raise grpc_max_message_size in the connection string if results have very large rows).",
            error);
      case UNIMPLEMENTED:
        return new SparkConnectException("The server does not support this request (" + description
            + "); it is probably an older Spark version.", error);
      default:
        return new SparkConnectException("Spark Connect call failed with " + status.getCode() + ": "
            + description, error);
    }
  }

  private static String description(Status status) {
    String description = status.getDescription();
    return description == null || description.isEmpty() ? status.getCode().toString() : description;
  }
}
