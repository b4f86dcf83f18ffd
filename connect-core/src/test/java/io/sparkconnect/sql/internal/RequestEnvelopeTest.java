package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.sparkconnect.proto.AddArtifactsRequest;
import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.AnalyzePlanResponse;
import io.sparkconnect.proto.ArtifactStatusesRequest;
import io.sparkconnect.proto.CloneSessionRequest;
import io.sparkconnect.proto.ConfigRequest;
import io.sparkconnect.proto.ConfigResponse;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.FetchErrorDetailsRequest;
import io.sparkconnect.proto.GetStatusRequest;
import io.sparkconnect.proto.InterruptRequest;
import io.sparkconnect.proto.Plan;
import io.sparkconnect.proto.ReattachExecuteRequest;
import io.sparkconnect.proto.ReleaseExecuteRequest;
import io.sparkconnect.proto.ReleaseSessionRequest;
import io.sparkconnect.sql.SessionException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestEnvelopeTest {
  private static final ClientIdentity IDENTITY =
      ClientIdentity.create(UUID.fromString("00000000-0000-0000-0000-000000000001"), "ada", null, "test-app");

  /** Every request type of the service, as the builder SessionRpc and Operations hand to the envelope. */
  private static List<Message.Builder> everyRequest() {
    return List.of(ExecutePlanRequest.newBuilder(), ReleaseExecuteRequest.newBuilder(),
        ReattachExecuteRequest.newBuilder(), AnalyzePlanRequest.newBuilder(), ConfigRequest.newBuilder(),
        InterruptRequest.newBuilder(), AddArtifactsRequest.newBuilder(), ArtifactStatusesRequest.newBuilder(),
        FetchErrorDetailsRequest.newBuilder(), GetStatusRequest.newBuilder(), CloneSessionRequest.newBuilder(),
        ReleaseSessionRequest.newBuilder());
  }

  @Test
  void stampsEveryRequestTypeWithTheSessionsFields() {
    RequestEnvelope envelope = new RequestEnvelope(IDENTITY);
    for (Message.Builder request : everyRequest()) {
      Message stamped = envelope.stamp(request).build();
      String type = stamped.getDescriptorForType().getName();
      assertEquals(IDENTITY.sessionId(), field(stamped, "session_id"), type);
      assertEquals(IDENTITY.userContext(), field(stamped, "user_context"), type);
      assertEquals(IDENTITY.clientType(), field(stamped, "client_type"), type);
      FieldDescriptor observed = stamped.getDescriptorForType()
          .findFieldByName("client_observed_server_side_session_id");
      if (observed != null) {
        assertFalse(stamped.hasField(observed), type + " before any response");
      }
    }
  }

  @Test
  void echoesTheServerSideSessionOnceAResponseNamedIt() {
    RequestEnvelope envelope = new RequestEnvelope(IDENTITY);
    envelope.observe(ConfigResponse.newBuilder().setServerSideSessionId("server-1").build());
    for (Message.Builder request : everyRequest()) {
      Message stamped = envelope.stamp(request).build();
      FieldDescriptor observed = stamped.getDescriptorForType()
          .findFieldByName("client_observed_server_side_session_id");
      if (observed != null) {
        assertEquals("server-1", stamped.getField(observed), stamped.getDescriptorForType().getName());
      }
    }
  }

  @Test
  void aResponseFromAnotherServerSideSessionIsRefused() {
    RequestEnvelope envelope = new RequestEnvelope(IDENTITY);
    envelope.observe(AnalyzePlanResponse.newBuilder().setServerSideSessionId("server-1").build());
    SessionException changed = assertThrows(SessionException.class,
        () -> envelope.observe(AnalyzePlanResponse.newBuilder().setServerSideSessionId("server-2").build()));
    assertTrue(changed.getMessage().contains("server-1 to server-2"), changed.getMessage());
  }

  @Test
  void aMessageThatIsNoRequestIsRefused() {
    RequestEnvelope envelope = new RequestEnvelope(IDENTITY);
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> envelope.stamp(Plan.newBuilder()));
    assertTrue(refused.getMessage().contains("spark.connect.Plan"), refused.getMessage());
  }

  private static Object field(Message message, String name) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
    assertTrue(field != null && message.hasField(field), message.getDescriptorForType().getName() + " " + name);
    return message.getField(field);
  }
}
