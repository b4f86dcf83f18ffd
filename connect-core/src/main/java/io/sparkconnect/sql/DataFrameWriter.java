package io.sparkconnect.sql;

import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.WriteOperation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a DataFrame to files or tables: {@code df.write().mode("overwrite").parquet(path)}. Not thread-safe; each
 * save runs at once on the server.
 */
public final class DataFrameWriter {
  private final DataFrame df;
  private String format;
  private WriteOperation.SaveMode mode = WriteOperation.SaveMode.SAVE_MODE_ERROR_IF_EXISTS;
  private final Map<String, String> options = new LinkedHashMap<>();
  private String[] partitionBy = new String[0];
  private String[] sortBy = new String[0];
  private String[] bucketBy = new String[0];
  private int numBuckets;

  DataFrameWriter(DataFrame df) {
    this.df = df;
  }

  /** The data source, such as parquet, json, csv, orc, text. */
  public DataFrameWriter format(String source) {
    this.format = Objects.requireNonNull(source, "source");
    return this;
  }

  /** What to do when data exists: {@code error} (default), {@code append}, {@code overwrite} or {@code ignore}. */
  public DataFrameWriter mode(String saveMode) {
    switch (saveMode.toLowerCase(Locale.ROOT)) {
      case "append":
        mode = WriteOperation.SaveMode.SAVE_MODE_APPEND;
        break;
      case "overwrite":
        mode = WriteOperation.SaveMode.SAVE_MODE_OVERWRITE;
        break;
      case "ignore":
        mode = WriteOperation.SaveMode.SAVE_MODE_IGNORE;
        break;
      case "error":
      case "errorifexists":
      case "default":
        mode = WriteOperation.SaveMode.SAVE_MODE_ERROR_IF_EXISTS;
        break;
      default:
        throw new IllegalArgumentException("Unknown save mode '" + saveMode
            + "'; use error, errorifexists, append, overwrite or ignore");
    }
    return this;
  }

  public DataFrameWriter option(String key, Object value) {
    options.put(Objects.requireNonNull(key, "key"), String.valueOf(value));
    return this;
  }

  public DataFrameWriter options(Map<String, ?> more) {
    more.forEach(this::option);
    return this;
  }

  public DataFrameWriter partitionBy(String... columns) {
    this.partitionBy = columns.clone();
    return this;
  }

  public DataFrameWriter bucketBy(int buckets, String column, String... more) {
    if (buckets < 1) {
      throw new IllegalArgumentException("bucketBy needs at least one bucket, got " + buckets);
    }
    this.numBuckets = buckets;
    String[] columns = new String[more.length + 1];
    columns[0] = column;
    System.arraycopy(more, 0, columns, 1, more.length);
    this.bucketBy = columns;
    return this;
  }

  public DataFrameWriter sortBy(String column, String... more) {
    String[] columns = new String[more.length + 1];
    columns[0] = column;
    System.arraycopy(more, 0, columns, 1, more.length);
    this.sortBy = columns;
    return this;
  }

  /** Saves to a path with the chosen format. */
  public void save(String path) {
    run(base().setPath(Objects.requireNonNull(path, "path")));
  }

  /** Saves with the chosen format to the location its options name. */
  public void save() {
    run(base());
  }

  public void parquet(String path) {
    format("parquet").save(path);
  }

  public void json(String path) {
    format("json").save(path);
  }

  public void csv(String path) {
    format("csv").save(path);
  }

  public void orc(String path) {
    format("orc").save(path);
  }

  public void text(String path) {
    format("text").save(path);
  }

  /** Saves as a table in the catalog, creating or replacing it according to the mode. */
  public void saveAsTable(String table) {
    run(base().setTable(WriteOperation.SaveTable.newBuilder().setTableName(table)
        .setSaveMethod(WriteOperation.SaveTable.TableSaveMethod.TABLE_SAVE_METHOD_SAVE_AS_TABLE)));
  }

  /** Inserts into an existing table by column position. */
  public void insertInto(String table) {
    run(base().setTable(WriteOperation.SaveTable.newBuilder().setTableName(table)
        .setSaveMethod(WriteOperation.SaveTable.TableSaveMethod.TABLE_SAVE_METHOD_INSERT_INTO)));
  }

  private WriteOperation.Builder base() {
    WriteOperation.Builder write = WriteOperation.newBuilder().setInput(df.plan()).setMode(mode)
        .putAllOptions(options).addAllPartitioningColumns(Arrays.asList(partitionBy))
        .addAllSortColumnNames(Arrays.asList(sortBy));
    if (format != null) {
      write.setSource(format);
    }
    if (bucketBy.length > 0) {
      write.setBucketBy(WriteOperation.BucketBy.newBuilder().addAllBucketColumnNames(Arrays.asList(bucketBy))
          .setNumBuckets(numBuckets));
    }
    return write;
  }

  private void run(WriteOperation.Builder write) {
    df.sparkSession().operations().executeCommand(Command.newBuilder().setWriteOperation(write).build());
  }
}
