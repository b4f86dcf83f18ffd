package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  @Test
  void aRateIsTotalOrPerClientNeverBoth() {
    ScenarioSettings total = ScenarioSettings.builder().targetRate(40).build();
    assertTrue(total.paced());
    assertEquals(40, total.totalRate(8));
    ScenarioSettings perClient = ScenarioSettings.builder().ratePerClient(5).build();
    assertEquals(40, perClient.totalRate(8));
    assertFalse(ScenarioSettings.builder().build().paced());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ScenarioSettings.builder().targetRate(1).ratePerClient(1).build()).getMessage().contains("only one"));
    assertThrows(IllegalArgumentException.class, () -> ScenarioSettings.builder().ratePerClient(-1));
    assertThrows(IllegalArgumentException.class, () -> ScenarioSettings.builder().targetRate(Double.NaN));
  }

  @Test
  void thresholdsDefaultToTheCommonTargets() {
    ScenarioSettings defaults = ScenarioSettings.builder().build();
    assertTrue(defaults.maxP95().isEmpty());
    assertEquals(Duration.ofSeconds(5), ScenarioSettings.DEFAULT_MAX_P95);
    assertEquals(Duration.ofSeconds(30), ScenarioSettings.DEFAULT_HEAVY_MAX_P95);
    assertEquals(0, defaults.minThroughputFor(0), "no minimum without a rate");
    assertEquals(80, defaults.minThroughputFor(100), 1e-9, "0.8 of a requested rate");
    assertEquals(0, defaults.maxHeapBytes());
    ScenarioSettings set = defaults.toBuilder().maxP95(Duration.ofMillis(250)).minThroughput(12)
        .maxHeapBytes(1 << 30).build();
    assertEquals(Duration.ofMillis(250), set.maxP95().orElseThrow());
    assertEquals(12, set.minThroughputFor(100));
    assertEquals(1 << 30, set.maxHeapBytes());
    assertEquals("PT0.25S", set.describe(Set.of(ScenarioKind.LOAD)).get("maxP95"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenarioSettings.builder().maxP95(Duration.ZERO))
        .getMessage().contains("maxP95"));
    assertThrows(IllegalArgumentException.class, () -> ScenarioSettings.builder().minThroughput(-1));
    assertThrows(IllegalArgumentException.class, () -> ScenarioSettings.builder().maxHeapBytes(-1));
  }
}
