package io.sparkconnect.sql.streaming;

import io.sparkconnect.sql.SparkSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A streaming query running on the server, as returned by {@code DataStreamWriter.start()} or {@link
 * StreamingQueryManager#get(UUID)}. Each method asks the server; blocking waits poll it with bounded calls, so no
 * call outlives the RPC deadline and a cut connection is retried. Thread-safe; implemented by this client only.
 */
public interface StreamingQuery {
  /** The query's id, the same across restarts from its checkpoint. */
  UUID id();

  /** The id of this run, new at each start or restart. */
  UUID runId();

  /** The query's name as given to {@code queryName(...)}, or null when it has none. */
  String name();

  /** The session that started the query. */
  SparkSession sparkSession();

  /** Whether the query is still running. */
  boolean isActive();

  /** What the query is doing right now. */
  StreamingQueryStatus status();

  /** The newest progress report, or null before the first batch ended. */
  StreamingQueryProgress lastProgress();

  /** The recent progress reports, oldest first (the server keeps {@code spark.sql.streaming.numRecentProgressUpdates}). */
  List<StreamingQueryProgress> recentProgress();

  /**
   * Blocks until the query stops.
   *
   * @throws StreamingQueryException if the query failed
   */
  void awaitTermination();

  /**
   * Blocks until the query stops or {@code timeout} passes; returns whether it stopped.
   *
   * @throws StreamingQueryException if the query failed
   */
  boolean awaitTermination(Duration timeout);

  /** As {@link #awaitTermination(Duration)} with the timeout in milliseconds. */
  boolean awaitTermination(long timeoutMs);

  /**
   * Blocks until every row available in the sources when called has been processed and written (for tests;
   * it waits forever on a source that never stops, such as a socket).
   *
   * @throws StreamingQueryException if the query failed
   */
  void processAllAvailable();

  /** Stops the query and waits until it has stopped; does nothing to a stopped query. */
  void stop();

  /** The error that stopped the query, or empty while it runs or when it stopped without one. */
  Optional<StreamingQueryException> exception();

  /** The query's physical plan as text; with {@code extended}, its logical plans too. */
  String explainString(boolean extended);

  /** Prints the physical plan to standard output. */
  void explain();

  /** Prints the plans to standard output; with {@code extended}, the logical plans too. */
  void explain(boolean extended);
}
