package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.Row;
import java.util.Arrays;
import java.util.Objects;

/** Equality and text of rows, shared by every row implementation. */
final class Rows {
  private Rows() {}

  static boolean equal(Row a, Row b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      if (x instanceof byte[] && y instanceof byte[] ? !Arrays.equals((byte[]) x, (byte[]) y) : !Objects.equals(x, y)) {
        return false;
      }
    }
    return true;
  }

  static int hash(Row row) {
    int hash = 1;
    for (int i = 0; i < row.size(); i++) {
      Object value = row.get(i);
      hash = hash * 31 + (value instanceof byte[] ? Arrays.hashCode((byte[]) value) : Objects.hashCode(value));
    }
    return hash;
  }

  static String toString(Row row) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < row.size(); i++) {
      Object value = row.get(i);
      out.append(i == 0 ? "" : ",").append(value instanceof byte[] ? Arrays.toString((byte[]) value) : value);
    }
    return out.append(']').toString();
  }
}
