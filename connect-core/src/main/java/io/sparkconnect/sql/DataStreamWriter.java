package io.sparkconnect.sql;

import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.WriteStreamOperationStart;
import io.sparkconnect.proto.WriteStreamOperationStartResult;
import io.sparkconnect.sql.streaming.OutputMode;
import io.sparkconnect.sql.streaming.StreamingQuery;
import io.sparkconnect.sql.streaming.Trigger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts a streaming query that writes a streaming DataFrame to a sink: {@code df.writeStream().format("parquet")
 * .option("checkpointLocation", dir).start(path)}. {@code foreach} and {@code foreachBatch} are not offered: the
 * server runs them only as serialized Scala or Python functions, which a Java client cannot send. Not
 * thread-safe.
 */
public final class DataStreamWriter {
  private final DataFrame df;
  private String format;
  private OutputMode outputMode;
  private Trigger trigger;
  private String queryName;
  private final WriteOptions options = new WriteOptions();
  private List<String> partitionBy = List.of();

  DataStreamWriter(DataFrame df) {
    this.df = df;
  }

  /** The sink, such as {@code parquet}, {@code json}, {@code kafka}, {@code memory}, {@code console}. */
  public DataStreamWriter format(String sink) {
    this.format = Objects.requireNonNull(sink, "sink");
    return this;
  }

  /** Which rows each batch writes; Spark's default is append. */
  public DataStreamWriter outputMode(OutputMode mode) {
    this.outputMode = Objects.requireNonNull(mode, "outputMode");
    return this;
  }

  /** Which rows each batch writes, by name: {@code append}, {@code complete} or {@code update}. */
  public DataStreamWriter outputMode(String mode) {
    return outputMode(OutputMode.fromName(mode));
  }

  /** When batches run; by default each starts as soon as the previous one ended. */
  public DataStreamWriter trigger(Trigger trigger) {
    this.trigger = Objects.requireNonNull(trigger, "trigger");
    return this;
  }

  /** The query's name, unique among the session's active queries; a {@code memory} sink uses it as table name. */
  public DataStreamWriter queryName(String name) {
    this.queryName = Objects.requireNonNull(name, "queryName");
    return this;
  }

  /**
   * A sink option, such as {@code checkpointLocation} (where the query keeps its progress, needed by most sinks
   * to restart where it stopped); replaces one set before under any case.
   */
  public DataStreamWriter option(String key, String value) {
    options.put(key, value);
    return this;
  }

  /** A boolean option, sent as {@code "true"} or {@code "false"}. */
  public DataStreamWriter option(String key, boolean value) {
    return option(key, Boolean.toString(value));
  }

  /** A whole-number option, sent as its decimal text. */
  public DataStreamWriter option(String key, long value) {
    return option(key, Long.toString(value));
  }

  /** A floating-point option, sent as Java prints it. */
  public DataStreamWriter option(String key, double value) {
    return option(key, Double.toString(value));
  }

  /** Several options at once; values are sent as {@code String.valueOf(value)}. */
  public DataStreamWriter options(Map<String, ?> more) {
    options.putAll(more);
    return this;
  }

  /** Lays a file sink's files out in one directory per value of these columns. */
  public DataStreamWriter partitionBy(String... columns) {
    for (String column : Objects.requireNonNull(columns, "columns")) {
      Objects.requireNonNull(column, "partition column");
    }
    this.partitionBy = List.copyOf(Arrays.asList(columns));
    return this;
  }

  /** Starts the query writing where the format and options say; returns once the server runs it. */
  public StreamingQuery start() {
    return run(command(null, null));
  }

  /** Starts the query writing to files under {@code path}. */
  public StreamingQuery start(String path) {
    return run(command(Objects.requireNonNull(path, "path"), null));
  }

  /** Starts the query appending to the catalog table {@code tableName}, created if missing. */
  public StreamingQuery toTable(String tableName) {
    return run(command(null, Objects.requireNonNull(tableName, "tableName")));
  }

  /** The start command; package-private for the golden plan tests. */
  Command command(String path, String tableName) {
    WriteStreamOperationStart.Builder start = WriteStreamOperationStart.newBuilder().setInput(df.plan())
        .putAllOptions(options.asMap()).addAllPartitioningColumnNames(partitionBy);
    if (format != null) {
      start.setFormat(format);
    }
    if (outputMode != null) {
      start.setOutputMode(outputMode.sparkName());
    }
    if (queryName != null) {
      start.setQueryName(queryName);
    }
    if (trigger != null) {
      switch (trigger.type()) {
        case PROCESSING_TIME:
          start.setProcessingTimeInterval(trigger.interval().orElseThrow());
          break;
        case ONCE:
          start.setOnce(true);
          break;
        case AVAILABLE_NOW:
          start.setAvailableNow(true);
          break;
        case CONTINUOUS:
          start.setContinuousCheckpointInterval(trigger.interval().orElseThrow());
          break;
        default:
          throw new IllegalStateException("Unknown trigger " + trigger);
      }
    }
    if (path != null) {
      start.setPath(path);
    } else if (tableName != null) {
      start.setTableName(tableName);
    }
    return Command.newBuilder().setWriteStreamOperationStart(start).build();
  }

  private StreamingQuery run(Command command) {
    SparkSession session = df.sparkSession();
    ExecutePlanResponse response = session.operations().runCommand(command);
    if (!response.hasWriteStreamOperationStartResult()) {
      throw new SparkConnectException("The server answered the streaming start command with "
          + response.getResponseTypeCase() + " instead of a write_stream_operation_start_result");
    }
    WriteStreamOperationStartResult result = response.getWriteStreamOperationStartResult();
    RemoteStreamingQuery query = new RemoteStreamingQuery(session, result.getQueryId(),
        result.getName().isEmpty() ? null : result.getName());
    if (result.hasQueryStartedEventJson()) {
      ((RemoteStreamingQueryManager) session.streams()).started(result.getQueryStartedEventJson());
    }
    return query;
  }
}
