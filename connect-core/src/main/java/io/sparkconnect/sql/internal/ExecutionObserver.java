package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.sql.ExecutionInfo;
import io.sparkconnect.sql.ExecutionProgress;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.ProgressListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sees each response of one execution for what is not result data: progress reports go to the progress
 * listeners, the executed plan's metrics to whoever ran the action.
 */
final class ExecutionObserver implements Consumer<ExecutePlanResponse> {
  static final ExecutionObserver NONE = new ExecutionObserver(null, List.of(), info -> { });

  private final OperationContext operation;
  private final List<ProgressListener> progress;
  private final Consumer<ExecutionInfo> executionInfo;

  ExecutionObserver(OperationContext operation, List<ProgressListener> progress,
      Consumer<ExecutionInfo> executionInfo) {
    this.operation = operation;
    this.progress = progress;
    this.executionInfo = executionInfo;
  }

  @Override
  public void accept(ExecutePlanResponse response) {
    if (response.hasExecutionProgress() && !progress.isEmpty()) {
      ProgressListeners.tell(progress, operation, progress(response.getExecutionProgress()));
    }
    if (response.hasMetrics()) {
      executionInfo.accept(new ExecutionInfo(operation.operationId(), metrics(response.getMetrics())));
    }
  }

  private static ExecutionProgress progress(ExecutePlanResponse.ExecutionProgress proto) {
    List<ExecutionProgress.StageProgress> stages = new ArrayList<>();
    for (ExecutePlanResponse.ExecutionProgress.StageInfo stage : proto.getStagesList()) {
      stages.add(new ExecutionProgress.StageProgress(stage.getStageId(), stage.getNumTasks(),
          stage.getNumCompletedTasks(), stage.getInputBytesRead(), stage.getDone()));
    }
    return new ExecutionProgress(stages, proto.getNumInflightTasks());
  }

  private static List<ExecutionInfo.PlanMetrics> metrics(ExecutePlanResponse.Metrics proto) {
    List<ExecutionInfo.PlanMetrics> nodes = new ArrayList<>();
    for (ExecutePlanResponse.Metrics.MetricObject node : proto.getMetricsList()) {
      Map<String, Long> values = new HashMap<>();
      Map<String, String> types = new HashMap<>();
      node.getExecutionMetricsMap().forEach((key, value) -> {
        values.put(value.getName().isEmpty() ? key : value.getName(), value.getValue());
        types.put(value.getName().isEmpty() ? key : value.getName(), value.getMetricType());
      });
      nodes.add(new ExecutionInfo.PlanMetrics(node.getName(), node.getPlanId(), node.getParent(), values, types));
    }
    return nodes;
  }
}
