package io.sparkconnect.sql;

/**
 * Hears how far a running query has come: the server (4.0+) reports its stages and tasks every few seconds
 * while the query runs. Register on the session builder for every query, or with {@link
 * SparkSession#reportProgressTo(ProgressListener)} for the actions of one thread while the registration is open.
 * Called on the thread reading the result; keep it fast. Exceptions are logged and ignored.
 */
@FunctionalInterface
public interface ProgressListener {
  void onProgress(OperationContext operation, ExecutionProgress progress);

  /** A listener's registration for one thread's actions; closing it ends the registration. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
