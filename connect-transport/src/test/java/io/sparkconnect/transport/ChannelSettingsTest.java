package io.sparkconnect.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.spi.CredentialsProvider;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelSettingsTest {

  private static ChannelSettings of(String connectionString) {
    return ChannelSettings.of(ConnectionString.parse(connectionString));
  }

  @Test
  void defaultsArePlaintextWith128MiBMessages() {
    ChannelSettings settings = of("sc://localhost");
    assertFalse(settings.tls().enabled());
    assertEquals(128 * 1024 * 1024, settings.maxInboundMessageSize());
    assertTrue(settings.keepAliveTime().isEmpty());
    assertEquals(15002, settings.port());
  }

  @Test
  void tokenImpliesTls() {
    assertTrue(of("sc://spark.example.com/;token=t").tls().enabled());
    assertTrue(of("sc://localhost/;token=t").tls().enabled());
  }

  @Test
  void tokenOverPlaintextOnlyForExplicitLoopback() {
    assertFalse(of("sc://127.0.0.1/;token=t;use_ssl=false").tls().enabled());
    assertFalse(of("sc://localhost/;token=t;use_ssl=false").tls().enabled());
    assertFalse(of("sc://[::1]/;token=t;use_ssl=false").tls().enabled());
    InsecureCredentialsException error = assertThrows(InsecureCredentialsException.class,
        () -> of("sc://spark.example.com/;token=t;use_ssl=false"));
    assertEquals("credentials (a token) would travel in plaintext to spark.example.com; turn TLS on (use_ssl=true "
        + "in the connection string, or leave use_ssl out), or connect through a loopback address if the server is "
        + "local", error.getMessage());
  }

  @Test
  void anyCredentialsProviderImpliesTlsAndIsRefusedOverPlaintextToANetworkHost() {
    CredentialsProvider provider = () -> "Bearer x";
    assertTrue(ChannelSettings.builder().host("spark.example.com").credentials(provider).build().tls().enabled());
    assertFalse(ChannelSettings.builder().host("127.0.0.1").credentials(provider).tls(TlsSettings.plaintext())
        .build().tls().enabled());
    assertThrows(InsecureCredentialsException.class, () -> ChannelSettings.builder().host("10.0.0.5")
        .tls(TlsSettings.plaintext()).credentials(provider).build());
  }

  @Test
  void theTokenIsAStaticCredentialsProvider() {
    assertEquals("Bearer abc==", of("sc://h/;token=abc==").credentials().orElseThrow().authorization());
    assertTrue(of("sc://h").credentials().isEmpty());
  }

  @Test
  void connectionStringOptionsReachTheSettings() {
    ChannelSettings settings = of("sc://h:9/;grpc_max_message_size=4096;user_agent=tool;x-team=data");
    assertEquals(4096, settings.maxInboundMessageSize());
    assertEquals("tool", settings.userAgent().orElseThrow());
    assertEquals(Map.of("x-team", "data"), settings.headers());
    assertEquals(9, settings.port());
  }

  @Test
  void builderRejectsBadValuesNamingTheField() {
    ChannelSettings.Builder builder = ChannelSettings.builder();
    assertMessage(() -> builder.port(0), "port must be between 1 and 65535");
    assertMessage(() -> builder.maxInboundMessageSize(0), "maxInboundMessageSize must be positive");
    assertMessage(() -> builder.keepAlive(Duration.ofSeconds(30), Duration.ofSeconds(5)), "too_many_pings");
    assertMessage(() -> builder.header("grpc-timeout", "1"), "header name 'grpc-timeout' is invalid");
    assertMessage(() -> builder.header("Authorization", "x"), "with token(...)");
    assertMessage(() -> builder.eventLoopThreads(0), "eventLoopThreads must be at least 1");
    assertMessage(builder::build, "host is not set");
  }

  @Test
  void toStringHidesTheTokenAndHeaderValues() {
    String text = of("sc://h/;token=secret-value;x-api-key=secret-key").toString();
    assertFalse(text.contains("secret"), text);
    assertTrue(text.contains("credentials=StaticTokenCredentials"), text);
  }

  /** A user's provider written as a record would print its token in its own toString(). */
  private record LeakyCredentials(String token) implements CredentialsProvider {
    @Override
    public String authorization() {
      return "Bearer " + token;
    }
  }

  @Test
  void toStringNamesAProviderByItsClassOnly() {
    String text = ChannelSettings.builder().host("h").credentials(new LeakyCredentials("record-secret")).build()
        .toString();
    assertFalse(text.contains("record-secret"), text);
    assertTrue(text.contains("credentials=LeakyCredentials"), text);
  }

  private static void assertMessage(Runnable action, String expected) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }
}
