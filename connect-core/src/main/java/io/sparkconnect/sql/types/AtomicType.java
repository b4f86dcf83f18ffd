package io.sparkconnect.sql.types;

/** A type without parameters, such as {@code int} or {@code string}; get instances from {@link DataTypes}. */
public final class AtomicType extends DataType {
  private final String name;

  AtomicType(String name) {
    this.name = name;
  }

  @Override
  public String simpleString() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AtomicType && ((AtomicType) other).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
