package io.sparkconnect.arrow;

import java.util.List;
import java.util.Objects;

/** One expected result column (or nested field) as the Spark schema describes it. Immutable. */
public final class ResultField {
  private final String name;
  private final FieldKind kind;
  private final Object apiType;
  private final List<ResultField> children;

  private ResultField(String name, FieldKind kind, Object apiType, List<ResultField> children) {
    this.name = name;
    this.kind = kind;
    this.apiType = apiType;
    this.children = children;
  }

  /**
   * A field. {@code children} are a STRUCT's fields, an ARRAY's one element field, a MAP's key and value fields,
   * and empty for every other kind.
   *
   * @param apiType the caller's own description of the type (handed back to its {@link ValueFactory}), or null
   * @throws IllegalArgumentException if the children do not fit the kind
   */
  public static ResultField of(String name, FieldKind kind, Object apiType, List<ResultField> children) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    List<ResultField> copy = List.copyOf(Objects.requireNonNull(children, "children"));
    int expected;
    switch (kind) {
      case STRUCT:
        expected = copy.size();
        break;
      case ARRAY:
        expected = 1;
        break;
      case MAP:
        expected = 2;
        break;
      default:
        expected = 0;
    }
    if (copy.size() != expected) {
      throw new IllegalArgumentException("A " + kind + " field has " + (kind == FieldKind.ARRAY ? "one child"
          : kind == FieldKind.MAP ? "two children (key and value)" : "no children") + "; '" + name + "' has "
          + copy.size());
    }
    return new ResultField(name, kind, apiType, copy);
  }

  public String name() {
    return name;
  }

  public FieldKind kind() {
    return kind;
  }

  /** The caller's type attached to this field, or null (always null for fields the decoder synthesizes). */
  public Object apiType() {
    return apiType;
  }

  public List<ResultField> children() {
    return children;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ResultField)) {
      return false;
    }
    ResultField that = (ResultField) other;
    return name.equals(that.name) && kind == that.kind && Objects.equals(apiType, that.apiType)
        && children.equals(that.children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, apiType, children);
  }

  @Override
  public String toString() {
    return children.isEmpty() ? name + ": " + kind : name + ": " + kind + children;
  }
}
