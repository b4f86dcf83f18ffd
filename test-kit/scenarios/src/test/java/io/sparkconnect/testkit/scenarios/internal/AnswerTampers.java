package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.Row;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Ways a test alters a server's answer: change one value of a row, drop a row, swap two rows. */
final class AnswerTampers {
  private AnswerTampers() {}

  /** Replaces the value at {@code column} of the first row that matches (or of the single row answered). */
  static UnaryOperator<Object> change(Predicate<Row> which, int column, UnaryOperator<Object> change) {
    return answer -> {
      if (answer instanceof Row) {
        Row row = (Row) answer;
        return new TamperedRow(row, column, change.apply(row.get(column)));
      }
      List<Row> rows = rows(answer);
      for (int i = 0; i < rows.size(); i++) {
        if (which.test(rows.get(i))) {
          rows.set(i, new TamperedRow(rows.get(i), column, change.apply(rows.get(i).get(column))));
          return rows;
        }
      }
      throw new AssertionError("no row of the answer to tamper with: " + rows);
    };
  }

  /** As {@link #change(Predicate, int, UnaryOperator)} with the column named. */
  static UnaryOperator<Object> change(Predicate<Row> which, String column, UnaryOperator<Object> change) {
    return answer -> {
      List<Row> rows = rows(answer);
      return change(which, rows.get(0).fieldIndex(column), change).apply(rows);
    };
  }

  /** Drops the row at {@code index}. */
  static UnaryOperator<Object> drop(int index) {
    return answer -> {
      List<Row> rows = rows(answer);
      rows.remove(index);
      return rows;
    };
  }

  /** Swaps the first row that matches with the row after it. */
  static UnaryOperator<Object> swapWithNext(BiPredicate<Row, Row> which) {
    return answer -> {
      List<Row> rows = rows(answer);
      for (int i = 0; i + 1 < rows.size(); i++) {
        if (which.test(rows.get(i), rows.get(i + 1))) {
          Row first = rows.get(i);
          rows.set(i, rows.get(i + 1));
          rows.set(i + 1, first);
          return rows;
        }
      }
      throw new AssertionError("no pair of rows to swap");
    };
  }

  static Object plusOne(Object value) {
    return value instanceof Integer ? (Object) ((Integer) value + 1) : (Object) ((Long) value + 1);
  }

  static Object plusOneCent(Object value) {
    return (Double) value + 0.01;
  }

  static boolean any(Row row) {
    return true;
  }

  @SuppressWarnings("unchecked")
  private static List<Row> rows(Object answer) {
    return (List<Row>) answer;
  }
}
