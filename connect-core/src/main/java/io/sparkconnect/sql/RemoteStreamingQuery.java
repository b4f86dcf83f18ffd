package io.sparkconnect.sql;

import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.StreamingQueryCommand;
import io.sparkconnect.proto.StreamingQueryCommandResult;
import io.sparkconnect.proto.StreamingQueryInstanceId;
import io.sparkconnect.sql.streaming.StreamingQuery;
import io.sparkconnect.sql.streaming.StreamingQueryException;
import io.sparkconnect.sql.streaming.StreamingQueryProgress;
import io.sparkconnect.sql.streaming.StreamingQueryStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A streaming query on the server, known by its id and run id; every method is one {@code StreamingQueryCommand}
 * (a reattachable execution, retried like any other), and waits are cut into calls of at most {@link #POLL}.
 */
final class RemoteStreamingQuery implements StreamingQuery {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteStreamingQuery.class);

  /**
   * The longest a single wait asks the server to block, as Spark's Python client does: well inside the RPC
   * deadline and the server's stream duration, so an endless wait is a series of short calls.
   */
  static final Duration POLL = Duration.ofSeconds(10);

  private final SparkSession session;
  private final StreamingQueryInstanceId instance;
  private final UUID id;
  private final UUID runId;
  private final String name;

  RemoteStreamingQuery(SparkSession session, StreamingQueryInstanceId instance, String name) {
    this.session = session;
    this.instance = instance;
    this.id = UUID.fromString(instance.getId());
    this.runId = UUID.fromString(instance.getRunId());
    this.name = name;
  }

  @Override
  public UUID id() {
    return id;
  }

  @Override
  public UUID runId() {
    return runId;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SparkSession sparkSession() {
    return session;
  }

  @Override
  public boolean isActive() {
    return status().isActive();
  }

  @Override
  public StreamingQueryStatus status() {
    StreamingQueryCommandResult.StatusResult status = run(command -> command.setStatus(true), "status")
        .getStatus();
    return new StreamingQueryStatus(status.getStatusMessage(), status.getIsDataAvailable(),
        status.getIsTriggerActive(), status.getIsActive());
  }

  @Override
  public StreamingQueryProgress lastProgress() {
    List<String> reports = run(command -> command.setLastProgress(true), "lastProgress").getRecentProgress()
        .getRecentProgressJsonList();
    return reports.isEmpty() ? null : StreamingQueryProgress.fromJson(reports.get(reports.size() - 1));
  }

  @Override
  public List<StreamingQueryProgress> recentProgress() {
    List<StreamingQueryProgress> out = new ArrayList<>();
    for (String json : run(command -> command.setRecentProgress(true), "recentProgress").getRecentProgress()
        .getRecentProgressJsonList()) {
      out.add(StreamingQueryProgress.fromJson(json));
    }
    return List.copyOf(out);
  }

  /** The longest one wait may block: {@link #POLL}, or less when the session's deadlines or idle timeout are short. */
  static long pollMillis(SparkSession session) {
    PolicySettings policies = session.settings().policies();
    long poll = Math.min(POLL.toMillis(), Math.min(policies.rpcDeadline().toMillis(),
        policies.streamIdleTimeout().toMillis()) / 2);
    if (policies.operationDeadline().isPresent()) {
      poll = Math.min(poll, policies.operationDeadline().get().toMillis() / 2);
    }
    return Math.max(1, poll);
  }

  @Override
  public void awaitTermination() {
    while (!awaitOnce(pollMillis(session))) {
      // each call blocks on the server for at most POLL
    }
  }

  @Override
  public boolean awaitTermination(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long poll = pollMillis(session);
    while (true) {
      long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      if (awaitOnce(Math.min(left, poll))) {
        return true;
      }
      if (left <= poll) {
        return false;
      }
    }
  }

  @Override
  public boolean awaitTermination(long timeoutMs) {
    return awaitTermination(Duration.ofMillis(timeoutMs));
  }

  private boolean awaitOnce(long timeoutMs) {
    return failingAsQuery(() -> run(command -> command.setAwaitTermination(StreamingQueryCommand
        .AwaitTerminationCommand.newBuilder().setTimeoutMs(timeoutMs)), "awaitTermination").getAwaitTermination()
        .getTerminated());
  }

  @Override
  public void processAllAvailable() {
    failingAsQuery(() -> run(command -> command.setProcessAllAvailable(true), null));
  }

  @Override
  public void stop() {
    run(command -> command.setStop(true), null);
  }

  @Override
  public Optional<StreamingQueryException> exception() {
    return exception(null);
  }

  private Optional<StreamingQueryException> exception(Throwable cause) {
    StreamingQueryCommandResult.ExceptionResult result = run(command -> command.setException(true), "exception")
        .getException();
    if (!result.hasExceptionMessage()) {
      return Optional.empty();
    }
    return Optional.of(new StreamingQueryException(id, runId, result.getExceptionMessage(),
        result.hasErrorClass() ? result.getErrorClass() : null,
        result.hasStackTrace() ? result.getStackTrace() : null, cause));
  }

  @Override
  public String explainString(boolean extended) {
    return run(command -> command.setExplain(StreamingQueryCommand.ExplainCommand.newBuilder()
        .setExtended(extended)), "explain").getExplain().getResult();
  }

  @Override
  public void explain() {
    explain(false);
  }

  @Override
  public void explain(boolean extended) {
    System.out.println(explainString(extended));
  }

  /**
   * Runs {@code call}; when the server fails it because the query failed (its wait rethrows the query's error),
   * throws the query's typed {@link StreamingQueryException} with the server's error as cause.
   */
  private <T> T failingAsQuery(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (SparkServerException e) {
      if (e instanceof StreamingQueryException) {
        throw e;
      }
      Optional<StreamingQueryException> failure;
      try {
        failure = exception(e);
      } catch (SparkConnectException lookup) {
        e.addSuppressed(lookup);
        throw e;
      }
      throw failure.orElseThrow(() -> e);
    }
  }

  /** How often a command whose outcome a broken connection left unknown is sent again. */
  static final int RESENDS = 5;

  /**
   * Runs {@code call}, sending it again when a broken connection left its outcome unknown. Only for the
   * streaming query and manager commands, which change nothing or are idempotent (stop, resetTerminated): unlike
   * other commands, running one twice does no harm.
   */
  static ExecutePlanResponse resending(SparkSession session, java.util.function.Supplier<ExecutePlanResponse> call) {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.get();
      } catch (OutcomeUnknownException e) {
        if (attempt >= RESENDS) {
          throw e;
        }
        LOG.debug("Sending a streaming command of session {} again after a broken connection: {}",
            session.sessionId(), e.toString());
      }
    }
  }

  /** The command for this query; package-private for the golden plan tests. */
  Command command(Consumer<StreamingQueryCommand.Builder> what) {
    StreamingQueryCommand.Builder command = StreamingQueryCommand.newBuilder().setQueryId(instance);
    what.accept(command);
    return Command.newBuilder().setStreamingQueryCommand(command).build();
  }

  private StreamingQueryCommandResult run(Consumer<StreamingQueryCommand.Builder> what, String expected) {
    ExecutePlanResponse response = resending(session, () -> session.operations().runCommand(command(what)));
    if (!response.hasStreamingQueryCommandResult()) {
      if (expected == null) {
        return StreamingQueryCommandResult.getDefaultInstance();
      }
      throw new SparkConnectException("The server answered the streaming query command " + expected + " with "
          + response.getResponseTypeCase() + " instead of a streaming_query_command_result");
    }
    return response.getStreamingQueryCommandResult();
  }

  @Override
  public String toString() {
    return "StreamingQuery{id=" + id + ", runId=" + runId + (name == null ? "" : ", name=" + name) + "}";
  }
}
