package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.sparkconnect.proto.FetchErrorDetailsResponse;
import io.sparkconnect.sql.AnalysisException;
import io.sparkconnect.sql.ConnectionException;
import io.sparkconnect.sql.ParseException;
import io.sparkconnect.sql.SessionException;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.SparkRuntimeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Classification of server errors from the data Spark attaches, as 3.5 and 4.x servers send it. */
class ErrorConverterTest {

  private static StatusRuntimeException serverError(String message, Map<String, String> metadata) {
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(Status.Code.INTERNAL.value())
        .setMessage(message)
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("org.apache.spark.SomeException")
            .setDomain("org.apache.spark").putAllMetadata(metadata).build()))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  private static SparkConnectException convert(StatusRuntimeException error) {
    return ErrorConverter.convert(error, "host:15002", id -> null);
  }

  @Test
  void parseErrorsFrom35ByClassHierarchy() {
    SparkConnectException error = convert(serverError("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'",
        Map.of("classes", "[\"org.apache.spark.sql.catalyst.parser.ParseException\","
            + "\"org.apache.spark.sql.AnalysisException\",\"java.lang.Exception\"]")));
    assertInstanceOf(ParseException.class, error);
    assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'", error.getMessage());
    assertEquals("PARSE_SYNTAX_ERROR", error.errorClass(), "3.5 names the class only in the message");
  }

  @Test
  void errorClassAndSqlStateFromA35MessageWithoutMetadata() {
    SparkConnectException error = convert(serverError("[SCHEMA_NOT_FOUND] The schema `x` cannot be found. Verify "
        + "the spelling. SQLSTATE: 42704\n== SQL ==",
        Map.of("classes", "[\"org.apache.spark.sql.AnalysisException\"]")));
    assertEquals("SCHEMA_NOT_FOUND", error.errorClass());
    assertEquals("42704", error.sqlState());
    SparkConnectException plain = convert(serverError("Job aborted [not a class] due to a failure",
        Map.of("classes", "[\"org.apache.spark.SparkException\"]")));
    assertEquals(null, plain.errorClass());
    assertEquals(null, plain.sqlState());
  }

  @Test
  void analysisErrorsFrom4xCarryErrorClassStateAndParameters() {
    SparkConnectException error = convert(serverError("[TABLE_OR_VIEW_NOT_FOUND] The table `x` cannot be found.",
        Map.of("classes", "[\"org.apache.spark.sql.catalyst.ExtendedAnalysisException\","
            + "\"org.apache.spark.sql.AnalysisException\"]", "errorClass", "TABLE_OR_VIEW_NOT_FOUND",
            "sqlState", "42P01", "messageParameters", "{\"relationName\":\"`x`\"}")));
    assertInstanceOf(AnalysisException.class, error);
    assertEquals("TABLE_OR_VIEW_NOT_FOUND", error.errorClass());
    assertEquals("42P01", error.sqlState());
    assertEquals(Map.of("relationName", "`x`"), error.messageParameters());
    assertFalse(error.isRetryable());
  }

  @Test
  void otherServerErrorsAreRuntimeErrors() {
    SparkConnectException error = convert(serverError("[DIVIDE_BY_ZERO] Division by zero.",
        Map.of("classes", "[\"org.apache.spark.SparkArithmeticException\"]", "errorClass", "DIVIDE_BY_ZERO")));
    assertInstanceOf(SparkRuntimeException.class, error);
  }

  @Test
  void sessionHandleErrorsAreSessionErrors() {
    SparkConnectException error = convert(serverError("[INVALID_HANDLE.SESSION_CHANGED] restarted",
        Map.of("classes", "[\"org.apache.spark.SparkSQLException\"]", "errorClass",
            "INVALID_HANDLE.SESSION_CHANGED")));
    assertInstanceOf(SessionException.class, error);
    SparkConnectException from35 = convert(serverError(
        "org.apache.spark.SparkSQLException: [INVALID_HANDLE.SESSION_NOT_FOUND] gone",
        Map.of("classes", "[\"java.util.concurrent.ExecutionException\"]")));
    assertInstanceOf(SessionException.class, from35);
  }

  @Test
  void fetchedDetailsGiveTheFullChainAndQueryContext() {
    FetchErrorDetailsResponse details = FetchErrorDetailsResponse.newBuilder()
        .setRootErrorIdx(0)
        .addErrors(FetchErrorDetailsResponse.Error.newBuilder()
            .addErrorTypeHierarchy("org.apache.spark.SparkArithmeticException")
            .setMessage("[DIVIDE_BY_ZERO] full untruncated message")
            .setCauseIdx(1)
            .setSparkThrowable(FetchErrorDetailsResponse.SparkThrowable.newBuilder()
                .setErrorClass("DIVIDE_BY_ZERO").setSqlState("22012")
                .addQueryContexts(FetchErrorDetailsResponse.QueryContext.newBuilder()
                    .setFragment("1/0").setStartIndex(7).setStopIndex(9))))
        .addErrors(FetchErrorDetailsResponse.Error.newBuilder()
            .addErrorTypeHierarchy("java.lang.ArithmeticException").setMessage("/ by zero"))
        .build();
    SparkConnectException error = ErrorConverter.convert(serverError("[DIVIDE_BY_ZERO] trunc",
        Map.of("classes", "[\"org.apache.spark.SparkArithmeticException\"]", "errorId", "abc")), "h:1",
        id -> id.equals("abc") ? details : null);
    assertEquals("[DIVIDE_BY_ZERO] full untruncated message", error.getMessage());
    assertEquals("22012", error.sqlState());
    assertEquals("1/0", error.queryContexts().get(0).fragment());
    assertEquals(7, error.queryContexts().get(0).startIndex());
    assertInstanceOf(SparkRuntimeException.class, error.getCause());
    assertEquals("/ by zero", error.getCause().getMessage());
  }

  @Test
  void aCycleInTheFetchedCausesEndsTheChainInsteadOfRecursingForever() {
    FetchErrorDetailsResponse details = FetchErrorDetailsResponse.newBuilder()
        .setRootErrorIdx(0)
        .addErrors(FetchErrorDetailsResponse.Error.newBuilder().addErrorTypeHierarchy("java.lang.RuntimeException")
            .setMessage("outer").setCauseIdx(1))
        .addErrors(FetchErrorDetailsResponse.Error.newBuilder().addErrorTypeHierarchy("java.lang.RuntimeException")
            .setMessage("inner").setCauseIdx(0))
        .build();
    StatusRuntimeException grpc = serverError("outer (truncated)",
        Map.of("classes", "[\"java.lang.RuntimeException\"]", "errorId", "cyclic"));
    SparkConnectException error = ErrorConverter.convert(grpc, "h:1", id -> details);
    assertEquals("outer", error.getMessage());
    assertEquals("inner", error.getCause().getMessage());
    assertEquals(grpc, error.getCause().getCause(), "the chain ends with the gRPC error where it would loop");
  }

  @Test
  void anEmptyErrorIdFetchesNothing() {
    int[] fetches = new int[1];
    SparkConnectException error = ErrorConverter.convert(serverError("[DIVIDE_BY_ZERO] Division by zero.",
        Map.of("classes", "[\"org.apache.spark.SparkArithmeticException\"]", "errorId", "")), "h:1",
        id -> {
          fetches[0]++;
          return null;
        });
    assertEquals(0, fetches[0]);
    assertEquals("[DIVIDE_BY_ZERO] Division by zero.", error.getMessage());
  }

  @Test
  void transportFailuresSayWhatToCheck() {
    SparkConnectException unavailable = convert(Status.UNAVAILABLE.withDescription("io exception")
        .asRuntimeException());
    assertInstanceOf(ConnectionException.class, unavailable);
    assertTrue(unavailable.isRetryable());
    assertTrue(unavailable.getMessage().contains("host:15002"), unavailable.getMessage());
    SparkConnectException unauthenticated = convert(Status.UNAUTHENTICATED
        .withDescription("Invalid authentication token").asRuntimeException());
    assertInstanceOf(ConnectionException.class, unauthenticated);
    assertTrue(unauthenticated.getMessage().contains("token="), unauthenticated.getMessage());
    SparkConnectException tooBig = convert(Status.RESOURCE_EXHAUSTED.withDescription("message too large")
        .asRuntimeException());
    assertTrue(tooBig.getMessage().contains("grpc_max_message_size"), tooBig.getMessage());
  }

  @Test
  void retryInfoDelayIsRead() {
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(Status.Code.UNAVAILABLE.value())
        .addDetails(Any.pack(com.google.rpc.RetryInfo.newBuilder().setRetryDelay(
            com.google.protobuf.Duration.newBuilder().setSeconds(2).setNanos(500_000_000)).build()))
        .build();
    io.sparkconnect.sql.internal.ErrorInfo info =
        io.sparkconnect.sql.internal.ErrorInfo.of(StatusProto.toStatusRuntimeException(status));
    assertEquals(2500, info.retryDelayMillis);
  }
}
