package io.sparkconnect.sql.catalog;

import java.util.Objects;

/**
 * A database (namespace) of a catalog.
 *
 * @param name the database's name
 * @param catalog the catalog it belongs to, or null
 * @param description its comment, or null
 * @param locationUri where its managed tables are kept, or null
 */
public record Database(String name, String catalog, String description, String locationUri) {
  /** Checks that the name is given. */
  public Database {
    Objects.requireNonNull(name, "name");
  }
}
