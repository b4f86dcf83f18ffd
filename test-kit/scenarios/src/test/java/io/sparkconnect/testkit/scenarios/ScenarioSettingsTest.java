package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioSettingsTest {
  @Test
  void defaultsAreDocumentedConstants() {
    ScenarioSettings settings = ScenarioSettings.builder().build();
    assertEquals(ScenarioSettings.DEFAULT_DURATION, settings.duration());
    assertEquals(ScenarioSettings.DEFAULT_CONCURRENCY, settings.concurrency());
    assertEquals(100_000, settings.tripCount());
    assertTrue(settings.dataPath().isEmpty());
  }

  @Test
  void invalidValuesAreRejectedWithTheirName() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ScenarioSettings.builder().concurrency(0)).getMessage().contains("concurrency"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ScenarioSettings.builder().duration(Duration.ofMillis(10))).getMessage().contains("duration"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ScenarioSettings.builder().scale(0)).getMessage().contains("scale"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ScenarioSettings.builder().maxErrorRate(2)).getMessage().contains("maxErrorRate"));
    assertThrows(IllegalArgumentException.class, () -> ScenarioSettings.builder().dataPath(" "));
    assertThrows(IllegalArgumentException.class,
        () -> ScenarioSettings.builder().scale(ScenarioSettings.MAX_SCALE * 2));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ScenarioSettings.builder().maxOperations(OperationTimings.MAX_RECORDED + 1L)).getMessage()
        .contains("maxOperations"));
    assertThrows(IllegalArgumentException.class, () -> ScenarioSettings.builder().warmup(Duration.ofSeconds(-1)));
  }

  @Test
  void toBuilderKeepsEverySetting() {
    ScenarioSettings settings = ScenarioSettings.shortRun().toBuilder().targetRate(50).dataPath("/data").build();
    assertEquals(Duration.ofSeconds(2), settings.duration());
    assertEquals(4, settings.concurrency());
    assertEquals(50, settings.targetRate());
    assertEquals("/data", settings.dataPath().orElseThrow());
    assertEquals("/data", settings.describe(Set.of(ScenarioKind.E2E)).get("dataset"));
    assertEquals(Set.of("dataset"), settings.describe(Set.of(ScenarioKind.E2E)).keySet());
    assertTrue(settings.describe(Set.of(ScenarioKind.SMOKE)).isEmpty());
    assertEquals("PT2S", settings.describe(Set.of(ScenarioKind.LOAD)).get("duration"));
  }
}
