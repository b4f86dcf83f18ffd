package io.sparkconnect.sql.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What one source of a streaming query read in a batch. Immutable. */
public final class SourceProgress {
  private final String description;
  private final String startOffset;
  private final String endOffset;
  private final String latestOffset;
  private final long numInputRows;
  private final double inputRowsPerSecond;
  private final double processedRowsPerSecond;
  private final Map<String, String> metrics;

  private SourceProgress(JsonNode node) {
    this.description = ProgressJson.text(node, "description");
    this.startOffset = ProgressJson.raw(node, "startOffset");
    this.endOffset = ProgressJson.raw(node, "endOffset");
    this.latestOffset = ProgressJson.raw(node, "latestOffset");
    this.numInputRows = ProgressJson.longValue(node, "numInputRows", 0);
    this.inputRowsPerSecond = ProgressJson.doubleValue(node, "inputRowsPerSecond");
    this.processedRowsPerSecond = ProgressJson.doubleValue(node, "processedRowsPerSecond");
    this.metrics = ProgressJson.texts(node, "metrics");
  }

  static SourceProgress of(JsonNode node) {
    return new SourceProgress(node);
  }

  /** The source as Spark describes it, such as {@code FileStreamSource[file:/data]}. */
  public String description() {
    return description;
  }

  /** The offset the batch started from, as the source's JSON; null before the first batch. */
  public String startOffset() {
    return startOffset;
  }

  /** The offset the batch read up to, as the source's JSON. */
  public String endOffset() {
    return endOffset;
  }

  /** The newest offset the source knew of, as its JSON; null when the source does not say. */
  public String latestOffset() {
    return latestOffset;
  }

  /** Rows read from this source in the batch. */
  public long numInputRows() {
    return numInputRows;
  }

  /** Rows per second arriving at this source; NaN when Spark could not tell. */
  public double inputRowsPerSecond() {
    return inputRowsPerSecond;
  }

  /** Rows per second processed from this source; NaN when Spark could not tell. */
  public double processedRowsPerSecond() {
    return processedRowsPerSecond;
  }

  /** The source's own metrics, by name. */
  public Map<String, String> metrics() {
    return metrics;
  }

  @Override
  public String toString() {
    return "SourceProgress{" + description + ", numInputRows=" + numInputRows + ", endOffset=" + endOffset + "}";
  }
}
