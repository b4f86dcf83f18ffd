package io.sparkconnect.sql;

import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.StreamingQueryManagerCommand;
import io.sparkconnect.proto.StreamingQueryManagerCommandResult;
import io.sparkconnect.sql.streaming.StreamingQuery;
import io.sparkconnect.sql.streaming.StreamingQueryException;
import io.sparkconnect.sql.streaming.StreamingQueryListener;
import io.sparkconnect.sql.streaming.StreamingQueryManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** A session's streaming queries through {@code StreamingQueryManagerCommand}s; one per session. */
final class RemoteStreamingQueryManager implements StreamingQueryManager {
  private final SparkSession session;
  private final StreamingListenerBus listeners;

  RemoteStreamingQueryManager(SparkSession session) {
    this.session = session;
    this.listeners = new StreamingListenerBus(session);
  }

  @Override
  public List<StreamingQuery> active() {
    List<StreamingQuery> out = new ArrayList<>();
    for (StreamingQueryManagerCommandResult.StreamingQueryInstance query : run(command -> command.setActive(true),
        "active").getActive().getActiveQueriesList()) {
      out.add(query(query));
    }
    return List.copyOf(out);
  }

  @Override
  public Optional<StreamingQuery> get(UUID id) {
    return get(Objects.requireNonNull(id, "id").toString());
  }

  @Override
  public Optional<StreamingQuery> get(String id) {
    UUID.fromString(Objects.requireNonNull(id, "id"));
    StreamingQueryManagerCommandResult result = run(command -> command.setGetQuery(id), null);
    return result.hasQuery() ? Optional.of(query(result.getQuery())) : Optional.empty();
  }

  private StreamingQuery query(StreamingQueryManagerCommandResult.StreamingQueryInstance query) {
    return new RemoteStreamingQuery(session, query.getId(), query.hasName() ? query.getName() : null);
  }

  @Override
  public void awaitAnyTermination() {
    while (!awaitOnce(RemoteStreamingQuery.pollMillis(session))) {
      // each call blocks on the server for at most the poll interval
    }
  }

  @Override
  public boolean awaitAnyTermination(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long poll = RemoteStreamingQuery.pollMillis(session);
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

  private boolean awaitOnce(long timeoutMs) {
    try {
      return run(command -> command.setAwaitAnyTermination(StreamingQueryManagerCommand.AwaitAnyTerminationCommand
          .newBuilder().setTimeoutMs(timeoutMs)), "awaitAnyTermination").getAwaitAnyTermination().getTerminated();
    } catch (SparkServerException e) {
      if (e instanceof StreamingQueryException) {
        throw e;
      }
      // The server rethrows the failed query's error without naming the query: give it the typed exception.
      throw new StreamingQueryException(null, null, e.getMessage(), e.errorClass(), null, e);
    }
  }

  @Override
  public void resetTerminated() {
    run(command -> command.setResetTerminated(true), null);
  }

  @Override
  public void addListener(StreamingQueryListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeListener(StreamingQueryListener listener) {
    listeners.remove(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public List<StreamingQueryListener> listListeners() {
    return listeners.listeners();
  }

  /** Tells the listeners that a query started, from the event the server returned with the query. */
  void started(String eventJson) {
    listeners.started(eventJson);
  }

  /** The command; package-private for the golden plan tests. */
  static Command command(Consumer<StreamingQueryManagerCommand.Builder> what) {
    StreamingQueryManagerCommand.Builder command = StreamingQueryManagerCommand.newBuilder();
    what.accept(command);
    return Command.newBuilder().setStreamingQueryManagerCommand(command).build();
  }

  private StreamingQueryManagerCommandResult run(Consumer<StreamingQueryManagerCommand.Builder> what,
      String expected) {
    ExecutePlanResponse response = RemoteStreamingQuery.resending(session,
        () -> session.operations().runCommand(command(what)));
    if (!response.hasStreamingQueryManagerCommandResult()) {
      if (expected == null) {
        return StreamingQueryManagerCommandResult.getDefaultInstance();
      }
      throw new SparkConnectException("The server answered the streaming query manager command " + expected
          + " with " + response.getResponseTypeCase() + " instead of a streaming_query_manager_command_result");
    }
    return response.getStreamingQueryManagerCommandResult();
  }
}
