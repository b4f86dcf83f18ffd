package io.sparkconnect.arrow.internal;

import java.util.Arrays;
import java.util.List;

/** Helpers for the values the encoder reads: struct values and short descriptions for messages. */
final class Values {
  private static final int MAX_TEXT = 60;

  private Values() {}

  /**
   * The field values of a struct value (a row at the top level): an {@code Object[]} or a {@code List} of exactly
   * {@code fields} values.
   */
  static List<?> struct(Object value, int fields, String path) {
    List<?> values;
    if (value instanceof Object[]) {
      values = Arrays.asList((Object[]) value);
    } else if (value instanceof List) {
      values = (List<?>) value;
    } else {
      throw new BadValue((path.isEmpty() ? "a row" : "field '" + path + "'") + " takes a struct value (an Object[] "
          + "or a List of its " + fields + " field values), not " + value.getClass().getName() + " ("
          + describe(value) + ")");
    }
    if (values.size() != fields) {
      throw new BadValue((path.isEmpty() ? "a row" : "field '" + path + "'") + " has " + fields + " fields, but its "
          + "value holds " + values.size());
    }
    return values;
  }

  /** The value as text, shortened, for messages. */
  static String describe(Object value) {
    String text = value instanceof byte[] ? ((byte[]) value).length + " bytes"
        : value instanceof Object[] ? Arrays.toString((Object[]) value) : String.valueOf(value);
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
  }
}
