package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.UserContext;
import io.sparkconnect.transport.internal.LibraryVersion;
import java.util.Locale;
import java.util.UUID;

/** Who a session is: its session id, the user context, and the client type string sent on every request. */
public final class ClientIdentity {
  private final String sessionId;
  private final UserContext userContext;
  private final String clientType;

  private ClientIdentity(String sessionId, UserContext userContext, String clientType) {
    this.sessionId = sessionId;
    this.userContext = userContext;
    this.clientType = clientType;
  }

  public static ClientIdentity create(UUID sessionId, String userId, String userName, String userAgent) {
    UserContext.Builder user = UserContext.newBuilder().setUserId(userId);
    if (userName != null) {
      user.setUserName(userName);
    }
    String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
    String clientType = (userAgent == null ? "" : userAgent + " ") + "spark-connect-java/" + LibraryVersion.get()
        + " java/" + System.getProperty("java.version") + " os/" + (os.contains("linux") ? "linux"
        : os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "unknown");
    return new ClientIdentity(sessionId.toString(), user.build(), clientType);
  }

  /** The same user and client type under another session id. */
  public ClientIdentity withSessionId(UUID newSessionId) {
    return new ClientIdentity(newSessionId.toString(), userContext, clientType);
  }

  public String sessionId() {
    return sessionId;
  }

  public UserContext userContext() {
    return userContext;
  }

  public String clientType() {
    return clientType;
  }
}
