package io.sparkconnect.sql.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A SQL function: built-in, temporary or stored in a catalog.
 *
 * @param name the function's name
 * @param catalog the catalog it belongs to; null for built-in and temporary functions
 * @param namespace the namespace within the catalog; empty for built-in and temporary functions
 * @param description its description, or null
 * @param className the class implementing it, as the server reports it, or null
 * @param isTemporary whether it is built in or temporary rather than stored in a catalog
 */
public record Function(String name, String catalog, List<String> namespace, String description, String className,
    boolean isTemporary) {
  /** Copies the namespace, so the record stays immutable. */
  public Function {
    Objects.requireNonNull(name, "name");
    namespace = namespace == null ? List.of() : List.copyOf(namespace);
  }

  /** The database: the namespace's only element, or null when the namespace has none or several. */
  public String database() {
    return namespace.size() == 1 ? namespace.get(0) : null;
  }
}
