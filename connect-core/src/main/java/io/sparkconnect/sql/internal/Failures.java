package io.sparkconnect.sql.internal;

import io.grpc.StatusRuntimeException;
import io.sparkconnect.spi.ErrorConditions;
import io.sparkconnect.spi.Failure;
import io.sparkconnect.transport.internal.TlsFailure;
import java.time.Duration;
import java.util.Optional;

/** Describes a gRPC failure as the data retry and reattach policies decide on. */
final class Failures {
  private Failures() {}

  static Failure of(StatusRuntimeException error) {
    Optional<TlsFailure> tls = TlsFailure.of(error);
    if (tls.isPresent()) {
      return Failure.of(Failure.TLS_HANDSHAKE_FAILED, null, tls.get().explanation(), null, false);
    }
    ErrorInfo info = ErrorInfo.of(error);
    String description = error.getStatus().getDescription();
    String errorClass = info == null ? null : info.metadata.get("errorClass");
    Duration retryDelay = info != null && info.retryDelayMillis >= 0 ? Duration.ofMillis(info.retryDelayMillis)
        : null;
    boolean semantic = info != null && info.reason != null && !mentionsHandle(errorClass, description);
    String code = info == null && isConnectionLoss(error) ? "UNAVAILABLE" : error.getStatus().getCode().name();
    return Failure.of(code, errorClass, description, retryDelay, semantic);
  }

  /** A call that failed because the connection under it broke, whatever status gRPC gave it. */
  static boolean isConnectionLoss(StatusRuntimeException error) {
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsHandle(String errorClass, String description) {
    String text = errorClass != null ? errorClass : description == null ? "" : description;
    return text.contains(ErrorConditions.CURSOR_PREFIX) || text.contains(ErrorConditions.HANDLE_PREFIX);
  }
}
