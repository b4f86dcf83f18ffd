package io.sparkconnect.sql;

import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.Expression;
import io.sparkconnect.proto.WriteOperationV2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a DataFrame to a catalog table through Spark's table (V2) API: {@code df.writeTo("db.t").using("parquet")
 * .partitionedBy(col("year")).createOrReplace()}. {@code using}, {@code tableProperty}, {@code partitionedBy} and
 * {@code clusterBy} describe the table that {@code create}, {@code replace} and {@code createOrReplace} make;
 * {@code append} and the overwrites write into an existing table. What a table accepts is up to its catalog: the
 * session catalog's file tables refuse {@link #overwrite(Column)}, for instance, with the server's error. Each
 * terminal method runs at once on the server and blocks until it is done. Not thread-safe.
 */
public final class DataFrameWriterV2 {
  private final DataFrame df;
  private final String table;
  private String provider;
  private final WriteOptions options = new WriteOptions();
  private final Map<String, String> tableProperties = new LinkedHashMap<>();
  private final List<Expression> partitioning = new ArrayList<>();
  private final List<String> clustering = new ArrayList<>();

  DataFrameWriterV2(DataFrame df, String table) {
    this.df = df;
    this.table = Objects.requireNonNull(table, "table");
  }

  /** The provider (data source) of the table this creates, such as {@code parquet}; the catalog's default if unset. */
  public DataFrameWriterV2 using(String provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
    return this;
  }

  /** An option of the write; replaces one set before under any case. */
  public DataFrameWriterV2 option(String key, String value) {
    options.put(key, value);
    return this;
  }

  /** A boolean option, sent as {@code "true"} or {@code "false"}. */
  public DataFrameWriterV2 option(String key, boolean value) {
    return option(key, Boolean.toString(value));
  }

  /** A whole-number option, sent as its decimal text. */
  public DataFrameWriterV2 option(String key, long value) {
    return option(key, Long.toString(value));
  }

  /** A floating-point option, sent as Java (and Scala) print it. */
  public DataFrameWriterV2 option(String key, double value) {
    return option(key, Double.toString(value));
  }

  /** Several options at once; values are sent as {@code String.valueOf(value)}. */
  public DataFrameWriterV2 options(Map<String, ?> more) {
    options.putAll(more);
    return this;
  }

  /** A property of the created table, as {@code TBLPROPERTIES} would set it. */
  public DataFrameWriterV2 tableProperty(String property, String value) {
    tableProperties.put(Objects.requireNonNull(property, "property"),
        Objects.requireNonNull(value, () -> "value of table property " + property));
    return this;
  }

  /** Partitions the created table by these columns. */
  public DataFrameWriterV2 partitionedBy(Column column, Column... more) {
    partitioning.clear();
    partitioning.add(Objects.requireNonNull(column, "column").expression());
    for (Column next : more) {
      partitioning.add(Objects.requireNonNull(next, "column").expression());
    }
    return this;
  }

  /**
   * Clusters the created table by these columns, for catalogs that support clustering.
   *
   * @throws UnsupportedServerVersionException on a 3.5 server, whose protocol has no clustering columns
   */
  public DataFrameWriterV2 clusterBy(String column, String... more) {
    df.sparkSession().serverVersion().require("clusterBy()", 4, 0,
        "Use partitionedBy(...) there, or CLUSTER BY in a CREATE TABLE statement");
    clustering.clear();
    clustering.add(Objects.requireNonNull(column, "column"));
    for (String next : more) {
      clustering.add(Objects.requireNonNull(next, "column"));
    }
    return this;
  }

  /** Creates the table with the rows; fails with the server's error if it exists. */
  public void create() {
    run(command(WriteOperationV2.Mode.MODE_CREATE, null));
  }

  /** Replaces the existing table (its schema, properties and rows); fails if it does not exist. */
  public void replace() {
    run(command(WriteOperationV2.Mode.MODE_REPLACE, null));
  }

  /** Creates the table, or replaces it if it exists. */
  public void createOrReplace() {
    run(command(WriteOperationV2.Mode.MODE_CREATE_OR_REPLACE, null));
  }

  /** Appends the rows to the existing table, matching columns by name. */
  public void append() {
    run(command(WriteOperationV2.Mode.MODE_APPEND, null));
  }

  /** Deletes the table's rows that match {@code condition} and appends these rows, atomically where supported. */
  public void overwrite(Column condition) {
    run(command(WriteOperationV2.Mode.MODE_OVERWRITE, Objects.requireNonNull(condition, "condition")));
  }

  /** Replaces each partition these rows fall into, leaving the other partitions alone. */
  public void overwritePartitions() {
    run(command(WriteOperationV2.Mode.MODE_OVERWRITE_PARTITIONS, null));
  }

  /** The command for {@code mode}; package-private for the golden plan tests. */
  Command command(WriteOperationV2.Mode mode, Column overwriteCondition) {
    WriteOperationV2.Builder write = WriteOperationV2.newBuilder().setInput(df.plan()).setTableName(table)
        .setMode(mode).putAllOptions(options.asMap()).putAllTableProperties(tableProperties)
        .addAllPartitioningColumns(partitioning).addAllClusteringColumns(clustering);
    if (provider != null) {
      write.setProvider(provider);
    }
    if (overwriteCondition != null) {
      write.setOverwriteCondition(overwriteCondition.expression());
    }
    return Command.newBuilder().setWriteOperationV2(write).build();
  }

  private void run(Command command) {
    df.sparkSession().operations().executeCommand(command);
  }
}
