package io.sparkconnect.sql;

import io.sparkconnect.proto.GetStatusResponse.OperationStatus;

/** Where an operation stands on the server, as {@link SparkSession#operationStatus(String...)} reports it (4.2+). */
public enum OperationState {
  /** The server does not know the operation: never started, or forgotten after it ended and was released. */
  UNKNOWN,
  RUNNING,
  /** Ending: cancelled or failed, with its resources not yet freed. */
  TERMINATING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  static OperationState of(OperationStatus.OperationState state) {
    switch (state) {
      case OPERATION_STATE_RUNNING:
        return RUNNING;
      case OPERATION_STATE_TERMINATING:
        return TERMINATING;
      case OPERATION_STATE_SUCCEEDED:
        return SUCCEEDED;
      case OPERATION_STATE_FAILED:
        return FAILED;
      case OPERATION_STATE_CANCELLED:
        return CANCELLED;
      default:
        return UNKNOWN;
    }
  }
}
