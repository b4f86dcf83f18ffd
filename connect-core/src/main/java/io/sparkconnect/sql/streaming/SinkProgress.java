package io.sparkconnect.sql.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What the sink of a streaming query wrote in a batch. Immutable. */
public final class SinkProgress {
  private final String description;
  private final long numOutputRows;
  private final Map<String, String> metrics;

  private SinkProgress(JsonNode node) {
    this.description = ProgressJson.text(node, "description");
    this.numOutputRows = ProgressJson.longValue(node, "numOutputRows", -1);
    this.metrics = ProgressJson.texts(node, "metrics");
  }

  static SinkProgress of(JsonNode node) {
    return node == null || node.isNull() ? null : new SinkProgress(node);
  }

  /** The sink as Spark describes it, such as {@code MemorySink}. */
  public String description() {
    return description;
  }

  /** Rows written in the batch, or -1 when the sink does not count them. */
  public long numOutputRows() {
    return numOutputRows;
  }

  /** The sink's own metrics, by name. */
  public Map<String, String> metrics() {
    return metrics;
  }

  @Override
  public String toString() {
    return "SinkProgress{" + description + ", numOutputRows=" + numOutputRows + "}";
  }
}
