package io.sparkconnect.testkit.scenarios.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client heap figures every load scenario reports, read from real garbage collections of this JVM. */
class ResourceSamplerTest {
  @Test
  void theHeapAfterCollectionsShowsItsTrend() throws InterruptedException {
    List<byte[]> kept = new ArrayList<>();
    Map<String, Object> metrics = new HashMap<>();
    try (ResourceSampler sampler = new ResourceSampler()) {
      for (int i = 0; i < 8; i++) {
        kept.add(new byte[8 << 20]);
        System.gc();
        Thread.sleep(50);
      }
      sampler.stopInto(metrics);
    }
    double first = ((Number) metrics.get("heapAfterGcFirstQuarterMiB")).doubleValue();
    double last = ((Number) metrics.get("heapAfterGcLastQuarterMiB")).doubleValue();
    double slope = ((Number) metrics.get("heapAfterGcSlopeMiBPerMinute")).doubleValue();
    assertTrue(last - first >= 32, "8 MiB kept per collection: " + metrics);
    assertTrue(slope > 0, metrics.toString());
    assertFalse(kept.isEmpty());
  }
}
