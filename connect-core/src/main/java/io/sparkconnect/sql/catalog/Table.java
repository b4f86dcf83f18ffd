package io.sparkconnect.sql.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A table or view.
 *
 * @param name the table's name
 * @param catalog the catalog it belongs to; null for temporary views
 * @param namespace the namespace within the catalog, such as {@code [default]}; empty for temporary views
 * @param description its comment, or null
 * @param tableType such as {@code MANAGED}, {@code EXTERNAL}, {@code VIEW} or {@code TEMPORARY}
 * @param isTemporary whether it is a temporary view
 */
public record Table(String name, String catalog, List<String> namespace, String description, String tableType,
    boolean isTemporary) {
  /** Copies the namespace, so the record stays immutable. */
  public Table {
    Objects.requireNonNull(name, "name");
    namespace = namespace == null ? List.of() : List.copyOf(namespace);
  }

  /** The database: the namespace's only element, or null when the namespace has none or several. */
  public String database() {
    return namespace.size() == 1 ? namespace.get(0) : null;
  }
}
