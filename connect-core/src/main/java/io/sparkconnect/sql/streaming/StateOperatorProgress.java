package io.sparkconnect.sql.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The state one stateful operator (aggregation, deduplication, join) keeps, after a batch. Immutable. */
public final class StateOperatorProgress {
  private final String operatorName;
  private final long numRowsTotal;
  private final long numRowsUpdated;
  private final long numRowsRemoved;
  private final long numRowsDroppedByWatermark;
  private final long memoryUsedBytes;
  private final long commitTimeMs;
  private final Map<String, Long> customMetrics;

  private StateOperatorProgress(JsonNode node) {
    this.operatorName = ProgressJson.text(node, "operatorName");
    this.numRowsTotal = ProgressJson.longValue(node, "numRowsTotal", 0);
    this.numRowsUpdated = ProgressJson.longValue(node, "numRowsUpdated", 0);
    this.numRowsRemoved = ProgressJson.longValue(node, "numRowsRemoved", 0);
    this.numRowsDroppedByWatermark = ProgressJson.longValue(node, "numRowsDroppedByWatermark", 0);
    this.memoryUsedBytes = ProgressJson.longValue(node, "memoryUsedBytes", 0);
    this.commitTimeMs = ProgressJson.longValue(node, "commitTimeMs", 0);
    this.customMetrics = ProgressJson.longs(node, "customMetrics");
  }

  static StateOperatorProgress of(JsonNode node) {
    return new StateOperatorProgress(node);
  }

  /** The operator, such as {@code stateStoreSave} or {@code dedupe}. */
  public String operatorName() {
    return operatorName;
  }

  /** Rows (keys) in the state store after the batch. */
  public long numRowsTotal() {
    return numRowsTotal;
  }

  /** Rows the batch added or changed. */
  public long numRowsUpdated() {
    return numRowsUpdated;
  }

  /** Rows the batch removed, for instance once the watermark passed them. */
  public long numRowsRemoved() {
    return numRowsRemoved;
  }

  /** Input rows dropped because they arrived behind the watermark. */
  public long numRowsDroppedByWatermark() {
    return numRowsDroppedByWatermark;
  }

  /** Memory the state store used. */
  public long memoryUsedBytes() {
    return memoryUsedBytes;
  }

  /** Time spent committing the state. */
  public long commitTimeMs() {
    return commitTimeMs;
  }

  /** The state store's own metrics, by name. */
  public Map<String, Long> customMetrics() {
    return customMetrics;
  }

  @Override
  public String toString() {
    return "StateOperatorProgress{" + operatorName + ", numRowsTotal=" + numRowsTotal + ", numRowsUpdated="
        + numRowsUpdated + ", numRowsRemoved=" + numRowsRemoved + "}";
  }
}
