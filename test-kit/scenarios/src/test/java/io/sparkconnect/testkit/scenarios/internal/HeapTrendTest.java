package io.sparkconnect.testkit.scenarios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's heap trend: slope, quarters, and when growth counts as rising. */
class HeapTrendTest {
  private static List<double[]> samples(int n, double startMiB, double miBPerMinute) {
    List<double[]> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      samples.add(new double[] {i, startMiB + miBPerMinute * i});
    }
    return samples;
  }

  @Test
  void aFlatHeapIsNotRising() {
    HeapTrend.Summary flat = HeapTrend.Summary.of(samples(30, 100, 0));
    assertEquals(0, flat.slopeMiBPerMinute(), 1e-9);
    assertEquals(0, flat.growthMiB(), 1e-9);
    assertFalse(flat.rising());
  }

  @Test
  void growthBeyondTheFloorAndHalfTheStartIsRising() {
    HeapTrend.Summary leaking = HeapTrend.Summary.of(samples(31, 100, 5));
    assertEquals(5, leaking.slopeMiBPerMinute(), 1e-9);
    assertEquals(100 + 5 * 3.5, leaking.firstQuarterMiB(), 1e-9, "minutes 0..7.5");
    assertEquals(100 + 5 * 26.5, leaking.lastQuarterMiB(), 1e-9, "minutes 22.5..30");
    assertEquals(64, leaking.allowedGrowthMiB(), 1e-9);
    assertTrue(leaking.rising());
    HeapTrend.Summary slow = HeapTrend.Summary.of(samples(31, 100, 2));
    assertFalse(slow.rising(), "46 MiB of growth is within the 64 MiB floor");
    HeapTrend.Summary large = HeapTrend.Summary.of(samples(31, 400, 5));
    assertEquals(200 + 0.5 * 5 * 3.5, large.allowedGrowthMiB(), 1e-9);
    assertFalse(large.rising(), "115 MiB is within half of a 417.5 MiB start");
  }

  @Test
  void tooFewSamplesAreNeverCalledRising() {
    assertFalse(HeapTrend.Summary.of(samples(3, 10, 1000)).rising());
  }

  @Test
  void samplesTheLiveHeapWhileRunning() throws Exception {
    HeapTrend trend = HeapTrend.start(Duration.ofSeconds(1), 4);
    Thread.sleep(600);
    HeapTrend.Summary summary = trend.stop();
    assertTrue(summary.samples().size() >= 2, "a first and a last sample at least");
    assertTrue(summary.peakMiB() > 0);
  }
}
