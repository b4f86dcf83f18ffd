package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.ExecutionProgress;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A session's progress listeners: those of the settings, for every query, and those registered per thread. */
public final class ProgressListeners {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressListeners.class);

  private final List<ProgressListener> sessionWide;
  private final ThreadLocal<List<ProgressListener>> perThread = ThreadLocal.withInitial(CopyOnWriteArrayList::new);

  ProgressListeners(List<ProgressListener> sessionWide) {
    this.sessionWide = List.copyOf(sessionWide);
  }

  /** Adds a listener for the calling thread's queries until the registration is closed (on any thread). */
  public ProgressListener.Registration registerForThread(ProgressListener listener) {
    List<ProgressListener> own = perThread.get();
    own.add(listener);
    return () -> own.remove(listener);
  }

  /** The listeners for a query the calling thread starts now. */
  List<ProgressListener> forNewQuery() {
    List<ProgressListener> own = perThread.get();
    if (own.isEmpty()) {
      return sessionWide;
    }
    List<ProgressListener> all = new ArrayList<>(sessionWide);
    all.addAll(own);
    return all;
  }

  static void tell(List<ProgressListener> listeners, OperationContext operation, ExecutionProgress progress) {
    for (ProgressListener listener : listeners) {
      try {
        listener.onProgress(operation, progress);
      } catch (RuntimeException e) {
        OperationLog.warn(LOG, operation.operationId(), "A progress listener failed", e);
      }
    }
  }
}
