package io.sparkconnect.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.sparkconnect.spi.CredentialsException;
import io.sparkconnect.spi.CredentialsProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The channel asks a credentials provider for every call, and once more after a refusal, on a real server. */
class CredentialsRefreshTest {

  /** Gives its values in turn: the next one after each refresh, the last one for ever. */
  static final class ScriptedCredentials implements CredentialsProvider {
    private final List<String> values;
    private final boolean claimsFresh;
    private int current;
    final List<String> refused = new CopyOnWriteArrayList<>();

    ScriptedCredentials(boolean claimsFresh, String... tokens) {
      this.claimsFresh = claimsFresh;
      this.values = List.of(tokens);
    }

    @Override
    public synchronized String authorization() {
      return "Bearer " + values.get(current);
    }

    @Override
    public synchronized boolean refresh(String rejected) {
      refused.add(rejected);
      current = Math.min(current + 1, values.size() - 1);
      return claimsFresh;
    }
  }

  private static ConnectChannel open(LoopbackServer server, CredentialsProvider credentials) {
    return ConnectChannel.open(ChannelSettings.builder().host("127.0.0.1").port(server.port())
        .tls(TlsSettings.plaintext()).credentials(credentials).build());
  }

  private static String echo(ConnectChannel channel, String message) {
    return ClientCalls.blockingUnaryCall(channel.channel(), LoopbackServer.ECHO, CallOptions.DEFAULT, message);
  }

  @Test
  void theChannelSendsTheProvidersValueWithoutAnyStubSetup() throws Exception {
    try (LoopbackServer server = LoopbackServer.plaintext("good");
        ConnectChannel channel = open(server, CredentialsProvider.bearer("good"))) {
      assertEquals("echo:a", echo(channel, "a"));
      assertEquals("Bearer good", server.header("authorization"));
    }
  }

  @Test
  void aRefusedCallIsSentOnceMoreWithTheRefreshedCredential() throws Exception {
    ScriptedCredentials credentials = new ScriptedCredentials(true, "expired", "good");
    try (LoopbackServer server = LoopbackServer.plaintext("good"); ConnectChannel channel = open(server, credentials)) {
      assertEquals("echo:a", echo(channel, "a"));
      assertEquals(List.of("Bearer expired"), credentials.refused);
      assertEquals(2, server.calls());
      assertEquals("echo:b", echo(channel, "b"));
      assertEquals(3, server.calls(), "the fresh credential is used from then on");
    }
  }

  @Test
  void aServerStreamingCallIsReplayedWithItsRequestAndFlowControl() throws Exception {
    ScriptedCredentials credentials = new ScriptedCredentials(true, "expired", "good");
    try (LoopbackServer server = LoopbackServer.plaintext("good"); ConnectChannel channel = open(server, credentials)) {
      Iterator<String> answers = ClientCalls.blockingServerStreamingCall(channel.channel(),
          LoopbackServer.CHARACTERS, CallOptions.DEFAULT, "xyz");
      List<String> received = new ArrayList<>();
      answers.forEachRemaining(received::add);
      assertEquals(List.of("x", "y", "z"), received);
      assertEquals(2, server.calls());
    }
  }

  @Test
  void aCredentialThatStaysWrongFailsAfterExactlyOneRefresh() throws Exception {
    ScriptedCredentials credentials = new ScriptedCredentials(true, "wrong", "still-wrong");
    try (LoopbackServer server = LoopbackServer.plaintext("good"); ConnectChannel channel = open(server, credentials)) {
      StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> echo(channel, "a"));
      assertEquals(Status.Code.UNAUTHENTICATED, error.getStatus().getCode());
      assertEquals(List.of("Bearer wrong"), credentials.refused);
      assertEquals(2, server.calls());
    }
  }

  @Test
  void aProviderWithNothingFresherIsNotSentAgain() throws Exception {
    ScriptedCredentials credentials = new ScriptedCredentials(false, "wrong");
    try (LoopbackServer server = LoopbackServer.plaintext("good"); ConnectChannel channel = open(server, credentials)) {
      assertThrows(StatusRuntimeException.class, () -> echo(channel, "a"));
      assertEquals(1, credentials.refused.size());
      assertEquals(1, server.calls());
    }
  }

  @Test
  void aRefreshThatFailsIsAddedToTheRefusal() throws Exception {
    CredentialsProvider credentials = new CredentialsProvider() {
      @Override
      public String authorization() {
        return "Bearer wrong";
      }

      @Override
      public boolean refresh(String rejected) {
        throw new CredentialsException("Token file /run/token does not exist");
      }
    };
    try (LoopbackServer server = LoopbackServer.plaintext("good"); ConnectChannel channel = open(server, credentials)) {
      StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> echo(channel, "a"));
      assertEquals(Status.Code.UNAUTHENTICATED, error.getStatus().getCode());
      assertTrue(error.getStatus().getDescription().contains(
          "refreshing the credentials failed too: Token file /run/token does not exist"), error::getMessage);
      assertEquals(1, server.calls());
    }
  }

  @Test
  void aProviderThatCannotGiveACredentialFailsTheCallBeforeItIsSent() throws Exception {
    CredentialsProvider missing = () -> {
      throw new CredentialsException("Token file /run/token does not exist; check the path");
    };
    CredentialsProvider twoLines = () -> "Bearer one\ntwo-secret";
    try (LoopbackServer server = LoopbackServer.plaintext("good");
        ConnectChannel first = open(server, missing);
        ConnectChannel second = open(server, twoLines)) {
      StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> echo(first, "a"));
      assertEquals(Status.Code.UNAUTHENTICATED, error.getStatus().getCode());
      assertInstanceOf(CredentialsException.class, error.getCause());
      assertEquals("Token file /run/token does not exist; check the path", error.getStatus().getDescription());
      StatusRuntimeException unusable = assertThrows(StatusRuntimeException.class, () -> echo(second, "a"));
      assertInstanceOf(CredentialsException.class, unusable.getCause());
      assertTrue(unusable.getMessage().contains("line break or non-ASCII character at position 11"),
          unusable::getMessage);
      assertFalse(unusable.getMessage().contains("two-secret"), unusable::getMessage);
      assertEquals(0, server.calls());
    }
  }
}
