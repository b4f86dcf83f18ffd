package io.sparkconnect.sql.internal;

import com.google.protobuf.Message;
import io.sparkconnect.proto.AddArtifactsRequest;
import io.sparkconnect.proto.AddArtifactsResponse;
import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.AnalyzePlanResponse;
import io.sparkconnect.proto.ArtifactStatusesRequest;
import io.sparkconnect.proto.ArtifactStatusesResponse;
import io.sparkconnect.proto.CloneSessionRequest;
import io.sparkconnect.proto.CloneSessionResponse;
import io.sparkconnect.proto.ConfigRequest;
import io.sparkconnect.proto.ConfigResponse;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.FetchErrorDetailsRequest;
import io.sparkconnect.proto.FetchErrorDetailsResponse;
import io.sparkconnect.proto.GetStatusRequest;
import io.sparkconnect.proto.GetStatusResponse;
import io.sparkconnect.proto.InterruptRequest;
import io.sparkconnect.proto.InterruptResponse;
import io.sparkconnect.proto.ReattachExecuteRequest;
import io.sparkconnect.proto.ReleaseExecuteRequest;
import io.sparkconnect.proto.ReleaseExecuteResponse;
import io.sparkconnect.proto.ReleaseSessionRequest;
import io.sparkconnect.proto.ReleaseSessionResponse;
import io.sparkconnect.proto.UserContext;

/**
 * Stamps every request of a session with its session id, user context, client type and the server-side session
 * it has seen, and checks every response against that server-side session. The one place requests are
 * addressed. Thread-safe.
 */
final class RequestEnvelope {
  private final ClientIdentity identity;
  private final ServerSessionTracker serverSession = new ServerSessionTracker();

  RequestEnvelope(ClientIdentity identity) {
    this.identity = identity;
  }

  ClientIdentity identity() {
    return identity;
  }

  ServerSessionTracker serverSession() {
    return serverSession;
  }

  /**
   * Fills in the session's fields on a Spark Connect request builder; fields a request type lacks are left out.
   * Typed rather than through protobuf's reflection, which costs a call through {@code Method.invoke} per field.
   */
  <B extends Message.Builder> B stamp(B request) {
    String session = identity.sessionId();
    UserContext user = identity.userContext();
    String client = identity.clientType();
    String observed = serverSession.observed();
    if (request instanceof ExecutePlanRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof ReleaseExecuteRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof ReattachExecuteRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof AnalyzePlanRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof ConfigRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof InterruptRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof AddArtifactsRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof ArtifactStatusesRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof FetchErrorDetailsRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof GetStatusRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof CloneSessionRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
      if (observed != null) {
        r.setClientObservedServerSideSessionId(observed);
      }
    } else if (request instanceof ReleaseSessionRequest.Builder r) {
      r.setSessionId(session).setUserContext(user).setClientType(client);
    } else {
      throw new IllegalArgumentException(
          request.getDescriptorForType().getFullName() + " is not a Spark Connect request");
    }
    return request;
  }

  /** Checks a response's server-side session id; see {@link ServerSessionTracker#observe}. */
  void observe(String serverSideSessionId) {
    serverSession.observe(serverSideSessionId);
  }

  /** The same for a whole response of any of the service's calls. */
  void observe(Message response) {
    observe(serverSideSessionId(response));
  }

  private static String serverSideSessionId(Message response) {
    if (response instanceof AnalyzePlanResponse r) {
      return r.getServerSideSessionId();
    } else if (response instanceof ConfigResponse r) {
      return r.getServerSideSessionId();
    } else if (response instanceof InterruptResponse r) {
      return r.getServerSideSessionId();
    } else if (response instanceof AddArtifactsResponse r) {
      return r.getServerSideSessionId();
    } else if (response instanceof ArtifactStatusesResponse r) {
      return r.getServerSideSessionId();
    } else if (response instanceof GetStatusResponse r) {
      return r.getServerSideSessionId();
    } else if (response instanceof CloneSessionResponse r) {
      return r.getServerSideSessionId();
    } else if (response instanceof FetchErrorDetailsResponse r) {
      return r.getServerSideSessionId();
    } else if (response instanceof ReleaseExecuteResponse r) {
      return r.getServerSideSessionId();
    } else if (response instanceof ReleaseSessionResponse r) {
      return r.getServerSideSessionId();
    } else if (response instanceof ExecutePlanResponse r) {
      return r.getServerSideSessionId();
    }
    throw new IllegalArgumentException(
        response.getDescriptorForType().getFullName() + " is not a Spark Connect response");
  }
}
