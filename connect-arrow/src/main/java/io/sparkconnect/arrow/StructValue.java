package io.sparkconnect.arrow;

import java.util.Arrays;
import java.util.List;

/** A decoded struct value: its field names and values in schema order. Immutable. */
public final class StructValue {
  private final List<String> names;
  private final Object[] values;

  public StructValue(List<String> names, Object[] values) {
    if (names.size() != values.length) {
      throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
    }
    this.names = List.copyOf(names);
    this.values = values.clone();
  }

  public List<String> names() {
    return names;
  }

  public int size() {
    return values.length;
  }

  public Object get(int index) {
    return values[index];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StructValue
        && names.equals(((StructValue) other).names)
        && Arrays.deepEquals(values, ((StructValue) other).values);
  }

  @Override
  public int hashCode() {
    return names.hashCode() * 31 + Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ", ").append(names.get(i)).append(": ").append(values[i]);
    }
    return out.append('}').toString();
  }
}
