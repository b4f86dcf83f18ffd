package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.Row;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the E2E scenarios take what the server answered, named by scenario and step. A test-only seam: a test may
 * run a scenario {@link #tampered} on its own thread, altering an answer (drop a row, change a value, set a NULL,
 * reorder, swap an error) to prove the scenario's checks notice; otherwise every answer passes unchanged.
 */
final class Answers {
  private static final ThreadLocal<Tamper> TAMPER = new ThreadLocal<>();

  private Answers() {}

  /** Alters an answer: rows as a mutable list, a single row, a number, an error (or null for none). */
  @FunctionalInterface
  interface Tamper {
    Object apply(String answer, Object value);
  }

  /** Runs {@code action} on this thread with its answers tampered with. Tests only. */
  static <T> T tampered(Tamper tamper, Supplier<T> action) {
    TAMPER.set(tamper);
    try {
      return action.get();
    } finally {
      TAMPER.remove();
    }
  }

  /** The answer named {@code answer}, as a test may have altered it. */
  @SuppressWarnings("unchecked")
  static <T> T of(String answer, T value) {
    Tamper tamper = TAMPER.get();
    if (tamper == null) {
      return value;
    }
    Object copy = value instanceof List ? new ArrayList<>((List<?>) value) : value;
    return (T) tamper.apply(answer, copy);
  }

  /** Rows streamed by an iterator; a tamper sees them all as one list, so only tests give up the streaming. */
  static CloseableIterator<Row> streamed(String answer, CloseableIterator<Row> rows) {
    if (TAMPER.get() == null) {
      return rows;
    }
    List<Row> all = new ArrayList<>();
    try (rows) {
      rows.forEachRemaining(all::add);
    }
    Iterator<Row> tampered = of(answer, all).iterator();
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return tampered.hasNext();
      }

      @Override
      public Row next() {
        return tampered.next();
      }

      @Override
      public void close() {}
    };
  }
}
