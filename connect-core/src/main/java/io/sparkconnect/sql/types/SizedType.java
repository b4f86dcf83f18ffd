package io.sparkconnect.sql.types;

/**
 * A type with one integer parameter: {@code char(n)}, {@code varchar(n)} and {@code time(p)}. Values of char and
 * varchar are strings; values of time are {@code java.time.LocalTime}.
 */
public final class SizedType extends DataType {
  private final String name;
  private final int size;

  private SizedType(String name, int size) {
    if (size < 0) {
      throw new IllegalArgumentException(name + " size must not be negative, got " + size);
    }
    this.name = name;
    this.size = size;
  }

  public static SizedType charType(int length) {
    return new SizedType("char", length);
  }

  public static SizedType varcharType(int length) {
    return new SizedType("varchar", length);
  }

  public static SizedType timeType(int precision) {
    return new SizedType("time", precision);
  }

  public int size() {
    return size;
  }

  @Override
  public String simpleString() {
    return name + "(" + size + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SizedType && ((SizedType) other).name.equals(name) && ((SizedType) other).size == size;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + size;
  }
}
