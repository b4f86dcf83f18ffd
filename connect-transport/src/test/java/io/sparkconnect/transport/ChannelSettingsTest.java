package io.sparkconnect.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> of("sc://spark.example.com/;token=t;use_ssl=false"));
    assertTrue(error.getMessage().contains("would travel in plaintext to spark.example.com"), error.getMessage());
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
  void toStringHidesTheToken() {
    assertFalse(of("sc://h/;token=secret-value").toString().contains("secret-value"));
  }

  private static void assertMessage(Runnable action, String expected) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }
}
