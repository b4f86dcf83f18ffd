package io.sparkconnect.sql;

import io.sparkconnect.proto.Read;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.sql.types.StructType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Reads files and tables into DataFrames: {@code spark.read().option("header", true).csv(path)}. Not thread-safe. */
public final class DataFrameReader {
  private final SparkSession session;
  private String format;
  private String schema;
  private final Map<String, String> options = new LinkedHashMap<>();

  DataFrameReader(SparkSession session) {
    this.session = session;
  }

  /** The data source, such as parquet, json, csv, orc, text. */
  public DataFrameReader format(String source) {
    this.format = Objects.requireNonNull(source, "source");
    return this;
  }

  public DataFrameReader schema(StructType schema) {
    return schema(schema.toDDL());
  }

  /** The schema as DDL, such as {@code "id BIGINT, name STRING"}. */
  public DataFrameReader schema(String ddl) {
    this.schema = Objects.requireNonNull(ddl, "schema");
    return this;
  }

  public DataFrameReader option(String key, Object value) {
    options.put(Objects.requireNonNull(key, "key"), String.valueOf(value));
    return this;
  }

  public DataFrameReader options(Map<String, ?> more) {
    more.forEach(this::option);
    return this;
  }

  /** Reads from the paths (or, with none, from where the options say) with the chosen format. */
  public DataFrame load(String... paths) {
    Read.DataSource.Builder source = Read.DataSource.newBuilder().putAllOptions(options)
        .addAllPaths(Arrays.asList(paths));
    if (format != null) {
      source.setFormat(format);
    }
    if (schema != null) {
      source.setSchema(schema);
    }
    return new DataFrame(session, session.withPlanId(Relation.newBuilder().setRead(Read.newBuilder()
        .setDataSource(source))));
  }

  public DataFrame parquet(String... paths) {
    return format("parquet").load(paths);
  }

  public DataFrame json(String... paths) {
    return format("json").load(paths);
  }

  public DataFrame csv(String... paths) {
    return format("csv").load(paths);
  }

  public DataFrame orc(String... paths) {
    return format("orc").load(paths);
  }

  public DataFrame text(String... paths) {
    return format("text").load(paths);
  }

  /** A table or view from the catalog. */
  public DataFrame table(String name) {
    return new DataFrame(session, session.withPlanId(Relation.newBuilder().setRead(Read.newBuilder()
        .setNamedTable(Read.NamedTable.newBuilder().setUnparsedIdentifier(name).putAllOptions(options)))));
  }
}
