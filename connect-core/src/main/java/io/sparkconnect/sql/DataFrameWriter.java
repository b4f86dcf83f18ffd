package io.sparkconnect.sql;

import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.WriteOperation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Writes a DataFrame to files or tables: {@code df.write().mode("overwrite").parquet(path)}. Each terminal method
 * ({@code save}, {@code saveAsTable}, {@code insertInto} and the format shortcuts) runs at once on the server and
 * blocks until the write is done. Options keep their latest value per key, keys compared ignoring case, as Spark's.
 * Not thread-safe.
 */
public final class DataFrameWriter {
  private final DataFrame df;
  private String format;
  private SaveMode mode = SaveMode.ErrorIfExists;
  private final WriteOptions options = new WriteOptions();
  private List<String> partitionBy = List.of();
  private List<String> sortBy = List.of();
  private List<String> bucketBy = List.of();
  private int numBuckets;
  private List<String> clusterBy = List.of();

  DataFrameWriter(DataFrame df) {
    this.df = df;
  }

  /** The data source, such as {@code parquet}, {@code json}, {@code csv}, {@code orc}, {@code text}. */
  public DataFrameWriter format(String source) {
    this.format = Objects.requireNonNull(source, "source");
    return this;
  }

  /** What to do when data exists; {@link SaveMode#ErrorIfExists} by default. */
  public DataFrameWriter mode(SaveMode saveMode) {
    this.mode = Objects.requireNonNull(saveMode, "saveMode");
    return this;
  }

  /**
   * What to do when data exists, by name: {@code error} or {@code errorifexists} or {@code default} (fail, the
   * default), {@code append}, {@code overwrite} or {@code ignore}; case does not matter.
   */
  public DataFrameWriter mode(String saveMode) {
    switch (Objects.requireNonNull(saveMode, "saveMode").toLowerCase(Locale.ROOT)) {
      case "append":
        return mode(SaveMode.Append);
      case "overwrite":
        return mode(SaveMode.Overwrite);
      case "ignore":
        return mode(SaveMode.Ignore);
      case "error":
      case "errorifexists":
      case "default":
        return mode(SaveMode.ErrorIfExists);
      default:
        throw new IllegalArgumentException("Unknown save mode '" + saveMode
            + "'; use error, errorifexists, default, append, overwrite or ignore");
    }
  }

  /** An option of the data source, such as {@code compression}; replaces one set before under any case. */
  public DataFrameWriter option(String key, String value) {
    options.put(key, value);
    return this;
  }

  /** A boolean option, sent as {@code "true"} or {@code "false"}. */
  public DataFrameWriter option(String key, boolean value) {
    return option(key, Boolean.toString(value));
  }

  /** A whole-number option, sent as its decimal text. */
  public DataFrameWriter option(String key, long value) {
    return option(key, Long.toString(value));
  }

  /** A floating-point option, sent as Java (and Scala) print it, such as {@code "0.5"}. */
  public DataFrameWriter option(String key, double value) {
    return option(key, Double.toString(value));
  }

  /** Several options at once; values are sent as {@code String.valueOf(value)}. */
  public DataFrameWriter options(Map<String, ?> more) {
    options.putAll(more);
    return this;
  }

  /** Lays the files out in one directory per value of these columns, such as {@code year=2024/}. */
  public DataFrameWriter partitionBy(String... columns) {
    this.partitionBy = copyOf(columns);
    return this;
  }

  /** Hashes rows into {@code buckets} files by these columns; only with {@link #saveAsTable(String)}. */
  public DataFrameWriter bucketBy(int buckets, String column, String... more) {
    if (buckets < 1) {
      throw new IllegalArgumentException("bucketBy needs at least one bucket, got " + buckets);
    }
    this.numBuckets = buckets;
    this.bucketBy = names(column, more);
    return this;
  }

  /** Sorts the rows of each bucket by these columns; only together with {@link #bucketBy}. */
  public DataFrameWriter sortBy(String column, String... more) {
    this.sortBy = names(column, more);
    return this;
  }

  /**
   * Clusters the table's data by these columns, for sources that support clustering.
   *
   * @throws UnsupportedServerVersionException on a 3.5 server, whose protocol has no clustering columns
   */
  public DataFrameWriter clusterBy(String column, String... more) {
    df.sparkSession().serverVersion().require("clusterBy()", 4, 0,
        "Use partitionBy(...) or bucketBy(...) there, or CLUSTER BY in a CREATE TABLE statement");
    this.clusterBy = names(column, more);
    return this;
  }

  /** Saves to a path with the chosen format. */
  public void save(String path) {
    run(pathCommand(Objects.requireNonNull(path, "path")));
  }

  /** Saves with the chosen format to where its options say, such as a JDBC table or the {@code noop} sink. */
  public void save() {
    run(pathCommand(null));
  }

  /** Saves as Parquet files under {@code path}. */
  public void parquet(String path) {
    format("parquet").save(path);
  }

  /** Saves as JSON lines files under {@code path}. */
  public void json(String path) {
    format("json").save(path);
  }

  /** Saves as CSV files under {@code path}; set {@code header} to write a header line. */
  public void csv(String path) {
    format("csv").save(path);
  }

  /** Saves as ORC files under {@code path}. */
  public void orc(String path) {
    format("orc").save(path);
  }

  /** Saves as text files under {@code path}; the DataFrame must have a single string column. */
  public void text(String path) {
    format("text").save(path);
  }

  /**
   * Saves as XML files under {@code path}; set the {@code rowTag} option.
   *
   * @throws UnsupportedServerVersionException on a 3.5 server, which has no XML source
   */
  public void xml(String path) {
    df.sparkSession().serverVersion().require("xml()", 4, 0, "Use the spark-xml package's format there");
    format("xml").save(path);
  }

  /**
   * Saves into a database table over JDBC from the server; {@code connectionProperties} (user, password, driver...)
   * override options set before, and {@code url} and {@code table} override both.
   */
  public void jdbc(String url, String table, Properties connectionProperties) {
    if (!partitionBy.isEmpty() || !bucketBy.isEmpty() || !clusterBy.isEmpty()) {
      throw new SparkConnectException("jdbc() writes no partitions, buckets or clusters; remove partitionBy, "
          + "bucketBy and clusterBy");
    }
    for (String name : connectionProperties.stringPropertyNames()) {
      options.put(name, connectionProperties.getProperty(name));
    }
    options.put("url", Objects.requireNonNull(url, "url"));
    options.put("dbtable", Objects.requireNonNull(table, "table"));
    format("jdbc").save();
  }

  /**
   * Saves as a table of the catalog: creates it, or according to the mode appends to it, replaces it, leaves it
   * alone or fails. Unlike {@link #insertInto(String)}, columns are matched by name.
   */
  public void saveAsTable(String table) {
    run(tableCommand(table, WriteOperation.SaveTable.TableSaveMethod.TABLE_SAVE_METHOD_SAVE_AS_TABLE));
  }

  /**
   * Inserts into an existing table, matching columns by position; mode {@code overwrite} replaces its rows (or the
   * partitions written, as {@code spark.sql.sources.partitionOverwriteMode} says).
   */
  public void insertInto(String table) {
    run(tableCommand(table, WriteOperation.SaveTable.TableSaveMethod.TABLE_SAVE_METHOD_INSERT_INTO));
  }

  /** The write command to a path, or with none to where the options say; package-private for golden tests. */
  Command pathCommand(String path) {
    return command(path, null);
  }

  /** The write command to a catalog table; package-private for golden tests. */
  Command tableCommand(String table, WriteOperation.SaveTable.TableSaveMethod method) {
    return command(null, WriteOperation.SaveTable.newBuilder().setTableName(Objects.requireNonNull(table, "table"))
        .setSaveMethod(method).build());
  }

  private Command command(String path, WriteOperation.SaveTable table) {
    WriteOperation.Builder write = WriteOperation.newBuilder().setInput(df.plan()).setMode(protoMode(mode))
        .putAllOptions(options.asMap()).addAllPartitioningColumns(partitionBy).addAllSortColumnNames(sortBy)
        .addAllClusteringColumns(clusterBy);
    if (format != null) {
      write.setSource(format);
    }
    if (path != null) {
      write.setPath(path);
    } else if (table != null) {
      write.setTable(table);
    }
    if (!bucketBy.isEmpty()) {
      write.setBucketBy(WriteOperation.BucketBy.newBuilder().addAllBucketColumnNames(bucketBy)
          .setNumBuckets(numBuckets));
    }
    return Command.newBuilder().setWriteOperation(write).build();
  }

  private static WriteOperation.SaveMode protoMode(SaveMode mode) {
    switch (mode) {
      case Append:
        return WriteOperation.SaveMode.SAVE_MODE_APPEND;
      case Overwrite:
        return WriteOperation.SaveMode.SAVE_MODE_OVERWRITE;
      case Ignore:
        return WriteOperation.SaveMode.SAVE_MODE_IGNORE;
      case ErrorIfExists:
      default:
        return WriteOperation.SaveMode.SAVE_MODE_ERROR_IF_EXISTS;
    }
  }

  private static List<String> names(String first, String... more) {
    List<String> names = new ArrayList<>(more.length + 1);
    names.add(Objects.requireNonNull(first, "column"));
    names.addAll(copyOf(more));
    return List.copyOf(names);
  }

  private static List<String> copyOf(String... columns) {
    for (String column : columns) {
      Objects.requireNonNull(column, "column");
    }
    return List.copyOf(Arrays.asList(columns));
  }

  private void run(Command command) {
    df.sparkSession().operations().executeCommand(command);
  }
}
