package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.SessionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers the server-side session id of the first response and rejects any later response from a different
 * one: the server restarted or dropped the session, and results would silently come from a fresh, empty session.
 */
final class ServerSessionTracker {
  private final AtomicReference<String> serverSessionId = new AtomicReference<>();
  private volatile String lostReason;

  /** The id to echo in {@code client_observed_server_side_session_id}, or null before the first response. */
  String observed() {
    return serverSessionId.get();
  }

  void check() {
    if (lostReason != null) {
      throw new SessionException(lostReason);
    }
  }

  void observe(String id) {
    if (id == null || id.isEmpty()) {
      return;
    }
    if (!serverSessionId.compareAndSet(null, id) && !id.equals(serverSessionId.get())) {
      lostReason = "The server-side session changed from " + serverSessionId.get() + " to " + id
          + ": the server restarted or dropped this session, so its temporary views, configuration and cached "
          + "data are gone. Create a new session to continue.";
      throw new SessionException(lostReason);
    }
  }

  void markLost(String reason) {
    lostReason = reason;
  }
}
