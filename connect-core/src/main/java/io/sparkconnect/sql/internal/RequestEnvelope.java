package io.sparkconnect.sql.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Stamps every request of a session with its session id, user context, client type and the server-side session
 * it has seen, and checks every response against that server-side session. The one place requests are
 * addressed. Thread-safe.
 */
final class RequestEnvelope {
  private final ClientIdentity identity;
  private final ServerSessionTracker serverSession = new ServerSessionTracker();
  private final ConcurrentMap<Descriptor, Fields> fields = new ConcurrentHashMap<>();

  RequestEnvelope(ClientIdentity identity) {
    this.identity = identity;
  }

  ClientIdentity identity() {
    return identity;
  }

  ServerSessionTracker serverSession() {
    return serverSession;
  }

  /** Fills in the session's fields on any Spark Connect request; fields a request type lacks are left out. */
  <B extends Message.Builder> B stamp(B request) {
    Fields known = fields.computeIfAbsent(request.getDescriptorForType(), Fields::new);
    request.setField(known.sessionId, identity.sessionId());
    request.setField(known.userContext, identity.userContext());
    request.setField(known.clientType, identity.clientType());
    String observed = serverSession.observed();
    if (observed != null && known.observedServerSession != null) {
      request.setField(known.observedServerSession, observed);
    }
    return request;
  }

  /** Checks a response's server-side session id; see {@link ServerSessionTracker#observe}. */
  void observe(String serverSideSessionId) {
    serverSession.observe(serverSideSessionId);
  }

  /** The same for any response message that carries {@code server_side_session_id}. */
  void observe(Message response) {
    FieldDescriptor field = response.getDescriptorForType().findFieldByName("server_side_session_id");
    if (field != null) {
      observe((String) response.getField(field));
    }
  }

  /** The envelope fields of one request type. */
  private static final class Fields {
    final FieldDescriptor sessionId;
    final FieldDescriptor userContext;
    final FieldDescriptor clientType;
    final FieldDescriptor observedServerSession;

    Fields(Descriptor type) {
      this.sessionId = required(type, "session_id");
      this.userContext = required(type, "user_context");
      this.clientType = required(type, "client_type");
      this.observedServerSession = type.findFieldByName("client_observed_server_side_session_id");
    }

    private static FieldDescriptor required(Descriptor type, String name) {
      FieldDescriptor field = type.findFieldByName(name);
      if (field == null) {
        throw new IllegalArgumentException(type.getFullName() + " has no " + name + " field");
      }
      return field;
    }
  }
}
