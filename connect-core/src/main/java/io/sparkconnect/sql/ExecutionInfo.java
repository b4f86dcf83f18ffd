package io.sparkconnect.sql;

import java.util.List;
import java.util.Map;

/**
 * What the server reported about an action after it ran, like PySpark's {@code DataFrame.executionInfo}: the
 * operation id and the metrics of each node of the executed plan (rows output, time spent, spill, ...). Immutable.
 */
public final class ExecutionInfo {
  private final String operationId;
  private final List<PlanMetrics> metrics;

  public ExecutionInfo(String operationId, List<PlanMetrics> metrics) {
    this.operationId = operationId;
    this.metrics = List.copyOf(metrics);
  }

  public String operationId() {
    return operationId;
  }

  /** One entry per node of the executed physical plan, in the server's order. */
  public List<PlanMetrics> metrics() {
    return metrics;
  }

  @Override
  public String toString() {
    return "ExecutionInfo{" + operationId + ", " + metrics.size() + " plan nodes}";
  }

  /** The metrics of one node of the executed plan. */
  public static final class PlanMetrics {
    private final String name;
    private final long planId;
    private final long parent;
    private final Map<String, Long> values;
    private final Map<String, String> types;

    public PlanMetrics(String name, long planId, long parent, Map<String, Long> values, Map<String, String> types) {
      this.name = name;
      this.planId = planId;
      this.parent = parent;
      this.values = Map.copyOf(values);
      this.types = Map.copyOf(types);
    }

    /** The node's name, such as {@code HashAggregate} or {@code LocalTableScan}. */
    public String name() {
      return name;
    }

    public long planId() {
      return planId;
    }

    /** The plan id of the node above this one. */
    public long parent() {
      return parent;
    }

    /** The metric values by name, such as {@code "number of output rows"}. */
    public Map<String, Long> values() {
      return values;
    }

    /** The kind of each metric ({@code sum}, {@code size}, {@code timing}, ...), by name. */
    public Map<String, String> types() {
      return types;
    }

    @Override
    public String toString() {
      return name + values;
    }
  }
}
