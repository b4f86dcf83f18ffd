package io.sparkconnect.sql;

import java.util.Iterator;

/**
 * An iterator over a streamed result that holds server and memory resources until it is closed or read to the
 * end. {@link #close()} is idempotent, throws nothing checked, and may be called from another thread to stop
 * the stream: a thread blocked in {@code hasNext()} then gets a {@link SparkConnectException} saying the result
 * was closed, and memory is freed only once no thread reads.
 *
 * <pre>{@code
 * try (CloseableIterator<Row> rows = df.toLocalIterator()) {
 *   while (rows.hasNext()) { ... }
 * }
 * }</pre>
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();
}
