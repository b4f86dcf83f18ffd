package io.sparkconnect.sql.streaming;

/** What a streaming query is doing right now, as the server reports it. Immutable. */
public final class StreamingQueryStatus {
  private final String message;
  private final boolean dataAvailable;
  private final boolean triggerActive;
  private final boolean active;

  /** A status as the server reported it. */
  public StreamingQueryStatus(String message, boolean dataAvailable, boolean triggerActive, boolean active) {
    this.message = message;
    this.dataAvailable = dataAvailable;
    this.triggerActive = triggerActive;
    this.active = active;
  }

  /** Spark's description, such as {@code "Waiting for data to arrive"} or {@code "Stopped"}. */
  public String message() {
    return message;
  }

  /** Whether a source has new data to process. */
  public boolean isDataAvailable() {
    return dataAvailable;
  }

  /** Whether a batch is running at this moment. */
  public boolean isTriggerActive() {
    return triggerActive;
  }

  /** Whether the query is still running. */
  public boolean isActive() {
    return active;
  }

  @Override
  public String toString() {
    return "StreamingQueryStatus{message=" + message + ", isDataAvailable=" + dataAvailable
        + ", isTriggerActive=" + triggerActive + ", isActive=" + active + "}";
  }
}
