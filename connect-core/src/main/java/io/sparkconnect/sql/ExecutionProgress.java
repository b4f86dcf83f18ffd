package io.sparkconnect.sql;

import java.util.List;

/** One progress report of a running query: its stages so far and the tasks running now. Immutable. */
public final class ExecutionProgress {
  private final List<StageProgress> stages;
  private final long inflightTasks;

  public ExecutionProgress(List<StageProgress> stages, long inflightTasks) {
    this.stages = List.copyOf(stages);
    this.inflightTasks = inflightTasks;
  }

  public List<StageProgress> stages() {
    return stages;
  }

  /** Tasks running at the time of the report. */
  public long inflightTasks() {
    return inflightTasks;
  }

  public long totalTasks() {
    return stages.stream().mapToLong(StageProgress::tasks).sum();
  }

  public long completedTasks() {
    return stages.stream().mapToLong(StageProgress::completedTasks).sum();
  }

  public long inputBytesRead() {
    return stages.stream().mapToLong(StageProgress::inputBytesRead).sum();
  }

  @Override
  public String toString() {
    return "ExecutionProgress{" + completedTasks() + "/" + totalTasks() + " tasks in " + stages.size()
        + " stages, " + inflightTasks + " running, " + inputBytesRead() + " bytes read}";
  }

  /** One stage of a running query. */
  public static final class StageProgress {
    private final long stageId;
    private final long tasks;
    private final long completedTasks;
    private final long inputBytesRead;
    private final boolean done;

    public StageProgress(long stageId, long tasks, long completedTasks, long inputBytesRead, boolean done) {
      this.stageId = stageId;
      this.tasks = tasks;
      this.completedTasks = completedTasks;
      this.inputBytesRead = inputBytesRead;
      this.done = done;
    }

    public long stageId() {
      return stageId;
    }

    public long tasks() {
      return tasks;
    }

    public long completedTasks() {
      return completedTasks;
    }

    public long inputBytesRead() {
      return inputBytesRead;
    }

    public boolean done() {
      return done;
    }

    @Override
    public String toString() {
      return "stage " + stageId + ": " + completedTasks + "/" + tasks + (done ? " done" : "");
    }
  }
}
