package io.sparkconnect.sql.streaming;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The streaming queries of one session ({@code spark.streams()}): the active ones, waiting for any to end, and
 * client-side listeners. Thread-safe; implemented by this client only.
 */
public interface StreamingQueryManager {
  /** The session's queries that are running now. */
  List<StreamingQuery> active();

  /** The running query with this id, or empty when none of the session's queries with it is running. */
  Optional<StreamingQuery> get(UUID id);

  /** As {@link #get(UUID)} with the id as text. */
  Optional<StreamingQuery> get(String id);

  /**
   * Blocks until any query of the session has stopped since the last {@link #resetTerminated()}.
   *
   * @throws StreamingQueryException if that query failed
   */
  void awaitAnyTermination();

  /**
   * Blocks until a query of the session has stopped or {@code timeout} passes; returns whether one stopped.
   *
   * @throws StreamingQueryException if that query failed
   */
  boolean awaitAnyTermination(Duration timeout);

  /** Forgets the queries that have stopped, so that {@link #awaitAnyTermination()} waits for the next one. */
  void resetTerminated();

  /**
   * Calls {@code listener} for the session's query events, on a thread of this client. The first listener asks
   * the server to send events; {@code onQueryStarted} runs before {@code start()} returns.
   *
   * @throws io.sparkconnect.sql.UnsupportedServerVersionException on a 3.5 server, which sends no events to clients
   */
  void addListener(StreamingQueryListener listener);

  /** Stops calling {@code listener}; the last one removed tells the server to stop sending events. */
  void removeListener(StreamingQueryListener listener);

  /** The listeners added and not removed. */
  List<StreamingQueryListener> listListeners();
}
