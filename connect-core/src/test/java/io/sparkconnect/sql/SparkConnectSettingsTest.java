package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Settings take effect in the order they are given, and derive without surprises. */
class SparkConnectSettingsTest {

  @Test
  void theChannelCustomizersAddressIsKept() {
    SparkConnectSettings settings = SparkSession.builder().channel(c -> c.host("spark.example").port(1)).settings();
    assertEquals("spark.example", settings.channel().host());
    assertEquals(1, settings.channel().port());
  }

  @Test
  void aConnectionStringOverridesWhatWasSetBeforeItAndNotAfter() {
    SparkConnectSettings before = SparkSession.builder().retryPolicy("none").userId("early")
        .remote("sc://h:1/;retry_policy=default;user_id=fromString").settings();
    assertEquals("default", before.policies().retryPolicy().name());
    assertEquals("fromString", before.userId());
    SparkConnectSettings after = SparkSession.builder().remote("sc://h:1/;retry_policy=default")
        .retryPolicy("none").settings();
    assertEquals("none", after.policies().retryPolicy().name());
  }

  @Test
  void settingsRoundTripThroughTheirBuilder() {
    UUID id = UUID.randomUUID();
    SparkConnectSettings settings = SparkConnectSettings.builder().applyConnectionString("sc://h:2/;token=secret")
        .sessionId(id).arrowChunkSize(4096).policies(p -> p.retryPolicy("none")).build();
    SparkConnectSettings copy = settings.toBuilder().build();
    assertEquals(settings.toString(), copy.toString());
    assertEquals(id, copy.sessionId().orElseThrow());
    assertTrue(copy.channel().tls().enabled(), "a token turns TLS on, and stays on in a copy");
    assertFalse(settings.toString().contains("secret"), settings.toString());
  }

  @Test
  void theStreamIdleLimitDefaultsAboveTheServersStreamRotationAndCanBeSet() {
    assertEquals(java.time.Duration.ofMinutes(3), SparkSession.builder().settings().policies().streamIdleTimeout());
    java.time.Duration two = java.time.Duration.ofSeconds(2);
    assertEquals(two, SparkSession.builder().streamIdleTimeout(two).settings().policies().streamIdleTimeout());
    assertEquals(two, SparkSession.builder().streamIdleTimeout(two).settings().toBuilder().build().policies()
        .streamIdleTimeout());
    assertThrows(IllegalArgumentException.class,
        () -> SparkSession.builder().streamIdleTimeout(java.time.Duration.ZERO));
  }

  @Test
  void badValuesAreRejectedWhereTheyAreGiven() {
    assertThrows(IllegalArgumentException.class, () -> SparkSession.builder().arrowChunkSize(10));
    assertThrows(IllegalArgumentException.class,
        () -> SparkSession.builder().rpcDeadline(java.time.Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> SparkSession.builder().remote("http://nope"));
    assertThrows(IllegalArgumentException.class, () -> SparkConnectSettings.builder().build());
  }
}
