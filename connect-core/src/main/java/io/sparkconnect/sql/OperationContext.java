package io.sparkconnect.sql;

import io.grpc.CallOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One client operation as interceptors and listeners see it: what it is, its id, session, tags, deadline and
 * which attempt of its current call is under way. Immutable; attached to every gRPC call as {@link #CALL_OPTION}.
 *
 * <pre>{@code
 * public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
 *   OperationContext operation = OperationContext.of(options).orElseThrow();
 *   ...
 * }
 * }</pre>
 */
public final class OperationContext {
  /** The key under which each call's {@link CallOptions} carry the operation. */
  public static final CallOptions.Key<OperationContext> CALL_OPTION = CallOptions.Key.create("spark-connect-operation");

  private final String kind;
  private final String operationId;
  private final String sessionId;
  private final Set<String> tags;
  private final Duration deadline;
  private final int attempt;

  private OperationContext(String kind, String operationId, String sessionId, Set<String> tags, Duration deadline,
      int attempt) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.operationId = Objects.requireNonNull(operationId, "operationId");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.tags = Set.copyOf(tags);
    this.deadline = deadline;
    this.attempt = attempt;
  }

  /**
   * A new operation.
   *
   * @param kind the protocol call it runs: {@code ExecutePlan}, {@code AnalyzePlan}, {@code Config}, ...
   * @param deadline the longest the whole operation may take, or null for none
   */
  public static OperationContext create(String kind, String operationId, String sessionId, Set<String> tags,
      Duration deadline) {
    return new OperationContext(kind, operationId, sessionId, tags, deadline, 0);
  }

  /** The operation a call belongs to, when the call was made by this client. */
  public static Optional<OperationContext> of(CallOptions options) {
    return Optional.ofNullable(options.getOption(CALL_OPTION));
  }

  /** The same operation at another attempt of its current call. */
  public OperationContext withAttempt(int attempt) {
    return attempt == this.attempt ? this : new OperationContext(kind, operationId, sessionId, tags, deadline, attempt);
  }

  /** The protocol call the operation runs, such as {@code ExecutePlan} or {@code AnalyzePlan}. */
  public String kind() {
    return kind;
  }

  /** The operation's id: for executions the {@code operation_id} the server knows, otherwise the client's own. */
  public String operationId() {
    return operationId;
  }

  public String sessionId() {
    return sessionId;
  }

  /** The tags of the thread that started the operation. */
  public Set<String> tags() {
    return tags;
  }

  /** The longest the whole operation may take, retries and reattaches included. */
  public Optional<Duration> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** 0 for the first attempt of the current call, 1 for its first retry or resumption, and so on. */
  public int attempt() {
    return attempt;
  }

  @Override
  public String toString() {
    return kind + "{" + operationId + ", session " + sessionId + (tags.isEmpty() ? "" : ", tags " + tags)
        + (attempt == 0 ? "" : ", attempt " + attempt) + "}";
  }
}
