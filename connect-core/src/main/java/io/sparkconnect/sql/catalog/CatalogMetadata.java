package io.sparkconnect.sql.catalog;

import java.util.Objects;

/**
 * A catalog, as {@link io.sparkconnect.sql.Catalog#listCatalogs()} lists it.
 *
 * @param name the catalog's name, such as {@code spark_catalog}
 * @param description its description, or null
 */
public record CatalogMetadata(String name, String description) {
  /** Checks that the name is given. */
  public CatalogMetadata {
    Objects.requireNonNull(name, "name");
  }
}
