package io.sparkconnect.sql.types;

import java.util.Objects;

/**
 * A type this client knows only by name, such as a user-defined type or a geometry; values arrive as the type's
 * underlying Arrow representation.
 */
public final class OtherType extends DataType {
  private final String name;

  public OtherType(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public String simpleString() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OtherType && ((OtherType) other).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
