package io.sparkconnect.sql.catalog;

import java.util.Objects;

/**
 * A column of a table or view.
 *
 * @param name the column's name
 * @param description its comment, or null
 * @param dataType its type as the server writes it, such as {@code int} or {@code array<string>}
 * @param nullable whether it may hold null
 * @param isPartition whether the table is partitioned by it
 * @param isBucket whether the table is bucketed by it
 * @param isCluster whether the table is clustered by it; always false on Spark 3.5 servers, which have no
 *     clustering columns
 */
public record Column(String name, String description, String dataType, boolean nullable, boolean isPartition,
    boolean isBucket, boolean isCluster) {
  /** Checks that the name and type are given. */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataType, "dataType");
  }
}
