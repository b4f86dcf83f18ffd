package io.sparkconnect.sql.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one batch of a streaming query did, read from the JSON report Spark makes at the end of each batch; {@link
 * #json()} keeps the whole report for fields not given here. Immutable.
 */
public final class StreamingQueryProgress {
  private final UUID id;
  private final UUID runId;
  private final String name;
  private final Instant timestamp;
  private final long batchId;
  private final long batchDuration;
  private final long numInputRows;
  private final double inputRowsPerSecond;
  private final double processedRowsPerSecond;
  private final Map<String, Long> durationMs;
  private final Map<String, String> eventTime;
  private final List<StateOperatorProgress> stateOperators;
  private final List<SourceProgress> sources;
  private final SinkProgress sink;
  private final String json;

  private StreamingQueryProgress(JsonNode node, String json) {
    this.id = ProgressJson.uuid(node, "id");
    this.runId = ProgressJson.uuid(node, "runId");
    this.name = ProgressJson.text(node, "name");
    String time = ProgressJson.text(node, "timestamp");
    this.timestamp = time == null ? null : Instant.parse(time);
    this.batchId = ProgressJson.longValue(node, "batchId", -1);
    this.batchDuration = ProgressJson.longValue(node, "batchDuration", 0);
    this.durationMs = ProgressJson.longs(node, "durationMs");
    this.eventTime = ProgressJson.texts(node, "eventTime");
    this.stateOperators = ProgressJson.list(node, "stateOperators", StateOperatorProgress::of);
    this.sources = ProgressJson.list(node, "sources", SourceProgress::of);
    // Spark derives these from the sources; 4.1 leaves them out of the JSON, 3.5 writes them.
    this.numInputRows = node.has("numInputRows") ? ProgressJson.longValue(node, "numInputRows", 0)
        : sources.stream().mapToLong(SourceProgress::numInputRows).sum();
    this.inputRowsPerSecond = node.has("inputRowsPerSecond") ? ProgressJson.doubleValue(node, "inputRowsPerSecond")
        : sources.stream().mapToDouble(SourceProgress::inputRowsPerSecond).sum();
    this.processedRowsPerSecond = node.has("processedRowsPerSecond")
        ? ProgressJson.doubleValue(node, "processedRowsPerSecond")
        : sources.stream().mapToDouble(SourceProgress::processedRowsPerSecond).sum();
    this.sink = SinkProgress.of(node.get("sink"));
    this.json = json;
  }

  /**
   * Reads a progress report from the JSON Spark writes for it ({@code StreamingQueryProgress.json} in Spark).
   *
   * @throws io.sparkconnect.sql.SparkConnectException if the text is not such a JSON object
   */
  public static StreamingQueryProgress fromJson(String json) {
    return of(ProgressJson.parse(json, "a streaming progress report"), json);
  }

  static StreamingQueryProgress of(JsonNode node, String json) {
    return new StreamingQueryProgress(node, json);
  }

  /** The query's id, the same across restarts from its checkpoint. */
  public UUID id() {
    return id;
  }

  /** The id of this run of the query. */
  public UUID runId() {
    return runId;
  }

  /** The query's name, or null when it has none. */
  public String name() {
    return name;
  }

  /** When the batch started. */
  public Instant timestamp() {
    return timestamp;
  }

  /** The batch's number, counting from 0 over the query's life (across restarts). */
  public long batchId() {
    return batchId;
  }

  /** How long the batch took, in milliseconds. */
  public long batchDuration() {
    return batchDuration;
  }

  /** Rows read by all sources in the batch. */
  public long numInputRows() {
    return numInputRows;
  }

  /** Rows per second arriving at all sources; NaN when Spark could not tell. */
  public double inputRowsPerSecond() {
    return inputRowsPerSecond;
  }

  /** Rows per second processed; NaN when Spark could not tell. */
  public double processedRowsPerSecond() {
    return processedRowsPerSecond;
  }

  /** Milliseconds spent in each phase, such as {@code triggerExecution}, {@code addBatch}, {@code walCommit}. */
  public Map<String, Long> durationMs() {
    return durationMs;
  }

  /** Event-time statistics of the batch ({@code min}, {@code max}, {@code avg}, {@code watermark}) as ISO text. */
  public Map<String, String> eventTime() {
    return eventTime;
  }

  /** The stateful operators' state after the batch. */
  public List<StateOperatorProgress> stateOperators() {
    return stateOperators;
  }

  /** What each source read. */
  public List<SourceProgress> sources() {
    return sources;
  }

  /** What the sink wrote, or null if the report has no sink. */
  public SinkProgress sink() {
    return sink;
  }

  /** The report as the server sent it. */
  public String json() {
    return json;
  }

  @Override
  public String toString() {
    return json;
  }
}
