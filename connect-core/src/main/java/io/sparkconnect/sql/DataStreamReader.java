package io.sparkconnect.sql;

import io.sparkconnect.proto.Read;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.sql.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads streams into streaming DataFrames: {@code spark.readStream().schema(s).json(dir)}. Nothing reaches the
 * server until a query on the DataFrame starts. Not thread-safe.
 */
public final class DataStreamReader {
  private final SparkSession session;
  private String format;
  private String schema;
  private final Map<String, String> options = new LinkedHashMap<>();

  DataStreamReader(SparkSession session) {
    this.session = session;
  }

  /** The source, such as {@code rate}, {@code socket}, {@code kafka}, {@code json}, {@code parquet}. */
  public DataStreamReader format(String source) {
    this.format = Objects.requireNonNull(source, "source");
    return this;
  }

  /** The schema of the rows; file sources need one unless {@code spark.sql.streaming.schemaInference} is on. */
  public DataStreamReader schema(StructType schema) {
    Objects.requireNonNull(schema, "schema");
    return schema(schema.toDDL());
  }

  /** The schema as DDL, such as {@code "id BIGINT, name STRING"}. */
  public DataStreamReader schema(String ddl) {
    this.schema = Objects.requireNonNull(ddl, "schema");
    return this;
  }

  /** A source option, such as {@code maxFilesPerTrigger} or {@code rowsPerSecond}; the value as text. */
  public DataStreamReader option(String key, Object value) {
    options.put(Objects.requireNonNull(key, "key"), String.valueOf(Objects.requireNonNull(value, key)));
    return this;
  }

  /** Several source options. */
  public DataStreamReader options(Map<String, ?> more) {
    more.forEach(this::option);
    return this;
  }

  /** A stream from the chosen format, configured by the options alone. */
  public DataFrame load() {
    return read(null);
  }

  /** A stream of the files arriving under {@code path} (or from where the source reads it) with the chosen format. */
  public DataFrame load(String path) {
    return read(Objects.requireNonNull(path, "path"));
  }

  /** A stream of the JSON Lines files arriving under {@code path}. */
  public DataFrame json(String path) {
    return format("json").load(path);
  }

  /** A stream of the CSV files arriving under {@code path}. */
  public DataFrame csv(String path) {
    return format("csv").load(path);
  }

  /** A stream of the Parquet files arriving under {@code path}. */
  public DataFrame parquet(String path) {
    return format("parquet").load(path);
  }

  /** A stream of the ORC files arriving under {@code path}. */
  public DataFrame orc(String path) {
    return format("orc").load(path);
  }

  /** A stream of the lines of the text files arriving under {@code path}, as one {@code value} column. */
  public DataFrame text(String path) {
    return format("text").load(path);
  }

  /** Spark's test source of {@code timestamp} and {@code value} rows, {@code rowsPerSecond} a second. */
  public DataFrame rate(long rowsPerSecond) {
    return format("rate").option("rowsPerSecond", rowsPerSecond).load();
  }

  /** Lines of text read from a TCP socket, for tests only (the server connects to {@code host}). */
  public DataFrame socket(String host, int port) {
    return format("socket").option("host", Objects.requireNonNull(host, "host")).option("port", port).load();
  }

  /** The rows appended to a catalog table (such as a Delta or Iceberg table) as they come. */
  public DataFrame table(String tableName) {
    Objects.requireNonNull(tableName, "tableName");
    return new DataFrame(session, session.withPlanId(Relation.newBuilder().setRead(Read.newBuilder()
        .setIsStreaming(true).setNamedTable(Read.NamedTable.newBuilder().setUnparsedIdentifier(tableName)
            .putAllOptions(options)))));
  }

  private DataFrame read(String path) {
    Read.DataSource.Builder source = Read.DataSource.newBuilder().putAllOptions(options);
    if (path != null) {
      source.addPaths(path);
    }
    if (format != null) {
      source.setFormat(format);
    }
    if (schema != null) {
      source.setSchema(schema);
    }
    return new DataFrame(session, session.withPlanId(Relation.newBuilder().setRead(Read.newBuilder()
        .setIsStreaming(true).setDataSource(source))));
  }
}
